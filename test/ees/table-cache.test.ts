import assert from 'node:assert/strict';
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { EesTableCache, indexEesTable } from '../../src/engine/data/ees/index.js';
import { sampleRows, tempDir, writeCsv } from './temp-csv.js';
import { createNodeHost } from '../../src/engine/index.js';

describe('EesTableCache', () => {
  it('parses a file once while it is unchanged', async () => {
    const file = writeCsv(tempDir(), 'a.csv', sampleRows());
    const cache = new EesTableCache(createNodeHost());
    const first = await cache.read(file);
    const second = await cache.read(file);
    assert.ok(first.ok && second.ok);
    assert.equal(second.table, first.table, 'same parsed table object');
    assert.equal(indexEesTable(second.table), indexEesTable(first.table), 'index built once');
    assert.deepEqual(cache.files, [file]);
  });

  it('shares one read between concurrent renders', async () => {
    const file = writeCsv(tempDir(), 'a.csv', sampleRows());
    const cache = new EesTableCache(createNodeHost());
    const [a, b] = await Promise.all([cache.read(file), cache.read(file)]);
    assert.ok(a.ok && b.ok);
    assert.equal(a.table, b.table);
  });

  it('reads the file again when it changes', async () => {
    const file = writeCsv(tempDir(), 'a.csv', sampleRows());
    const cache = new EesTableCache(createNodeHost());
    const first = await cache.read(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('61.2', '71.2'));
    // Same content length is possible; the mtime moves the key on.
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const second = await cache.read(file);
    assert.ok(first.ok && second.ok);
    assert.notEqual(second.table, first.table);
    assert.match(second.table.text, /71\.2/);
  });

  it('forgets a file on invalidate and reports a vanished file as missing', async () => {
    const file = writeCsv(tempDir(), 'a.csv', sampleRows());
    const cache = new EesTableCache(createNodeHost());
    const first = await cache.read(file);
    cache.invalidate(file);
    const second = await cache.read(file);
    assert.ok(first.ok && second.ok);
    assert.notEqual(second.table, first.table);
    const missing = await cache.read(`${file}.gone`);
    assert.equal(missing.ok, false);
    assert.ok(!missing.ok && missing.missing);
  });
});
