import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadCatalogue } from '../../src/engine/data/load-catalogue.js';
import { writeCsv, HEADER, row, HARINGEY } from '../ees/temp-csv.js';
import { brief, reportPlace, tempDir, writeFiles } from './helpers.js';
import { createNodeHost } from '../../src/engine/index.js';

/**
 * dsl.md "More data", Paths: every relative path is relative to the file that names it,
 * `ees:` included; `dfe:NAME.csv` is the DfE folder; a `dfe/NAME.csv` that is not beside
 * the data file falls back to the DfE folder with a hint.
 */
describe('data: paths of EES sources', () => {
  /** An EES file whose only figure for Haringey 2024/25 is `value`. */
  function ees(dir: string, name: string, value: string): void {
    fs.mkdirSync(dir, { recursive: true });
    writeCsv(dir, name, [
      [...HEADER],
      row({ geographic_level: 'National', pct: '50' }),
      row({ ...HARINGEY, pct: value }),
    ]);
  }
  const data = (eesPath: string, sub = ''): string =>
    `sources:\n  s:\n    ees: ${eesPath}\n    la: '309'\n` +
    `indicators:\n  - id: A\n    title: A\n    unit: percent\n    polarity: higher\n    source: s\n    value: pct\n` +
    sub;

  async function valueOf(dir: string, dataFile: string, dfeDir: string) {
    const { catalogue, messages } = await loadCatalogue(
      [{ path: dataFile, place: reportPlace(dir) }],
      { reportDir: dir, allowedRoots: [], host: createNodeHost() },
      { smallNumberThreshold: 5, dfeDir },
    );
    return { value: catalogue.indicators.get('A')?.values[0]?.value, messages, catalogue };
  }

  it('reads dfe/x.csv beside the data file, never the (decoy) DfE folder', async () => {
    const root = tempDir();
    const decoy = path.join(root, 'decoy-dfe');
    ees(decoy, 'x.csv', '99');
    const dir = writeFiles(path.join(root, 'report'), { 'data/d.yaml': data('dfe/x.csv') });
    ees(path.join(dir, 'data', 'dfe'), 'x.csv', '41');
    const { value, messages, catalogue } = await valueOf(dir, 'data/d.yaml', decoy);
    assert.deepEqual(brief(messages), []);
    assert.equal(value, 41);
    assert.ok(!catalogue.files.some((file) => file.startsWith(decoy)), 'the decoy is not read');
  });

  it('falls back to the DfE folder for a dfe/x.csv not beside the data file, with a hint', async () => {
    const root = tempDir();
    const folder = path.join(root, 'dfe-folder');
    ees(folder, 'x.csv', '77');
    const dir = writeFiles(path.join(root, 'report'), { 'd.yaml': data('dfe/x.csv') });
    const { value, messages } = await valueOf(dir, 'd.yaml', folder);
    assert.equal(value, 77);
    assert.deepEqual(brief(messages), ['d.yaml:3:10 dfe-fallback']);
    assert.equal(messages[0]!.severity, 'info');
    assert.match(messages[0]!.reason, /not beside d\.yaml, so it is read from the DfE data folder/);
    assert.deepEqual(messages[0]!.suggestions, ['dfe:x.csv']);
  });

  it('reads dfe:x.csv from the DfE folder even when dfe/x.csv is beside the data file', async () => {
    const root = tempDir();
    const folder = path.join(root, 'dfe-folder');
    ees(folder, 'x.csv', '77');
    const dir = writeFiles(path.join(root, 'report'), { 'd.yaml': data('dfe:x.csv') });
    ees(path.join(dir, 'dfe'), 'x.csv', '41');
    const { value, messages } = await valueOf(dir, 'd.yaml', folder);
    assert.deepEqual(brief(messages), []);
    assert.equal(value, 77);
  });

  it('reads other relative paths relative to the data file that names them (an include in a subfolder)', async () => {
    const root = tempDir();
    const dir = writeFiles(root, {
      'top.yaml': 'include: [sub/d.yaml]\n',
      'sub/d.yaml': data('../published/x.csv'),
    });
    ees(path.join(root, 'published'), 'x.csv', '63');
    const { value, messages } = await valueOf(dir, 'top.yaml', path.join(root, 'nowhere'));
    assert.deepEqual(brief(messages), []);
    assert.equal(value, 63);
  });

  it('says which file is missing and where both places were looked at', async () => {
    const root = tempDir();
    const folder = path.join(root, 'dfe-folder');
    fs.mkdirSync(folder);
    const dir = writeFiles(path.join(root, 'report'), { 'd.yaml': data('dfe:nope.csv') });
    const { messages } = await valueOf(dir, 'd.yaml', folder);
    assert.deepEqual(brief(messages), ['d.yaml:3:10 data-missing']);
    assert.match(messages[0]!.reason, /nope\.csv/);
    assert.match(
      messages[0]!.reason,
      /The DfE data folder is .*dfe-folder; set it with the scorecard\.dfeDataFolder setting/,
    );
    assert.doesNotMatch(messages[0]!.reason, /scorecard\.dfeDir\b/);
  });

  it('does not let dfe: climb out of the DfE folder', async () => {
    const root = tempDir();
    const folder = path.join(root, 'dfe-folder');
    fs.mkdirSync(folder);
    ees(path.join(root, 'secret'), 'x.csv', '12');
    const dir = writeFiles(path.join(root, 'report'), { 'd.yaml': data('dfe:../secret/x.csv') });
    const { value, messages } = await valueOf(dir, 'd.yaml', folder);
    assert.equal(value, undefined);
    assert.deepEqual(brief(messages), ['d.yaml:3:10 path-not-allowed']);
  });

  it('says both places were looked at when dfe/x.csv is neither beside the data file nor in the DfE folder', async () => {
    const root = tempDir();
    const folder = path.join(root, 'dfe-folder');
    fs.mkdirSync(folder);
    const dir = writeFiles(path.join(root, 'report'), { 'd.yaml': data('dfe/gone.csv') });
    const { messages } = await valueOf(dir, 'd.yaml', folder);
    assert.deepEqual(brief(messages), ['d.yaml:3:10 data-missing']);
    assert.match(messages[0]!.reason, /gone\.csv.*not beside d\.yaml either.*DfE data folder is/);
  });
});
