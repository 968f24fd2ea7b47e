import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { open, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { MAX_MESSAGES_PER_FILE } from '../../src/engine/data/load-catalogue.js';
import { DEFAULT_MAX_REPORT_BYTES, createEngine } from '../../src/engine/index.js';
import { SAMPLES, scratch } from './helpers.js';

const HEAD = '---\ntitle: Big\nperiod: 2023/24 Q4\ndata: data.csv\n---\n\n:value{id=X1}\n';

/** Writes `bytes` of values CSV without holding it in memory. */
async function writeCsv(file: string, bytes: number, row: (i: number) => string): Promise<void> {
  const handle = await open(file, 'w');
  try {
    let written = 0;
    let chunk = 'indicator,period,value,numerator,denominator,symbol,note\n';
    for (let i = 0; written < bytes; i++) {
      chunk += row(i);
      if (chunk.length > 1 << 20) {
        await handle.write(chunk);
        written += chunk.length;
        chunk = '';
      }
    }
    await handle.write(chunk);
  } finally {
    await handle.close();
  }
}

describe('limits: huge reports and data files', function () {
  this.timeout(120_000);
  let folder: { dir: string; dispose(): Promise<void> };
  before(async () => {
    folder = await scratch();
  });
  after(async () => {
    await folder?.dispose();
  });

  it('refuses a report over 10 MB unparsed, in render, check and catalogue', async () => {
    const text = HEAD + ':value{id=X1} '.repeat(Math.ceil(DEFAULT_MAX_REPORT_BYTES / 14) + 1);
    const engine = createEngine();
    const path = join(folder.dir, 'huge.md');
    const before = process.memoryUsage().heapUsed;
    const result = await engine.render(text, { path });
    assert.ok(process.memoryUsage().heapUsed - before < 200 * 1024 * 1024);
    assert.equal(result.refused, true);
    assert.deepEqual(
      result.messages.map((m) => m.ruleId),
      ['input-too-large'],
    );
    assert.match(result.messages[0]?.reason ?? '', /over the 10\.0 MB limit/);
    assert.deepEqual(
      (await engine.check(text, { path })).map((m) => m.ruleId),
      ['input-too-large'],
    );
    const catalogue = await engine.catalogue(text, { path });
    assert.deepEqual(
      catalogue.messages.map((m) => m.ruleId),
      ['input-too-large'],
    );
  });

  it('counts the limit in UTF-8 bytes and lets the caller set it', async () => {
    const path = join(folder.dir, 'r.md');
    const small = createEngine({ maxReportBytes: 1000 });
    assert.deepEqual(
      (await small.check('é'.repeat(501), { path })).map((m) => m.ruleId),
      ['input-too-large'],
    );
    assert.deepEqual(await small.check('é'.repeat(499), { path }), []);
  });

  it('refuses a 50 MB CSV with a clear message instead of reading it', async () => {
    await writeCsv(
      join(folder.dir, 'data.csv'),
      50 * 1024 * 1024,
      (i) => `X${i % 5000},2023/24 Q${(i % 4) + 1},${i % 100},,,,\n`,
    );
    await writeFile(join(folder.dir, 'big.md'), HEAD);
    const before = process.memoryUsage().rss;
    const result = await createEngine().render(HEAD, { path: join(folder.dir, 'big.md') });
    assert.ok(process.memoryUsage().rss - before < 300 * 1024 * 1024);
    const message = result.messages.find((m) => m.ruleId === 'input-too-large');
    assert.ok(message, JSON.stringify(result.messages));
    assert.match(message.reason, /data\.csv is 50 MB, over the 25 MB limit/);
    assert.equal(message.line, 4);
  });

  it('caps the messages of a file that is wrong on every row (and does not overflow the stack)', async () => {
    // About 500,000 unknown ids: one message each used to overflow `push(...messages)`.
    await writeCsv(
      join(folder.dir, 'data.csv'),
      6 * 1024 * 1024,
      (i) => `U${i},2023/24 Q4,1,,,,\n`,
    );
    const result = await createEngine().render(HEAD, { path: join(folder.dir, 'big.md') });
    const fromCsv = result.messages.filter((m) => m.file.endsWith('data.csv'));
    assert.equal(fromCsv.length, MAX_MESSAGES_PER_FILE + 1);
    assert.ok(fromCsv.some((m) => /more problems in this file are not listed/.test(m.reason)));
  });

  it('the CLI refuses an oversized report file, and a named pipe, without reading them', async () => {
    const huge = join(folder.dir, 'huge-file.md');
    await writeFile(huge, HEAD);
    await truncate(huge, DEFAULT_MAX_REPORT_BYTES + 1);
    const pipe = join(folder.dir, 'pipe.md');
    execFileSync('mkfifo', [pipe]);
    for (const [file, expected] of [
      [huge, /input-too-large/],
      [pipe, /not a regular file/],
    ] as const) {
      const lines: string[] = [];
      const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) };
      assert.equal(await runCli(['check', file], io), 1);
      assert.match(lines.join('\n'), expected);
    }
  });

  it('renders a report forty times the sample (about 100 KB; its time is in npm run bench)', async () => {
    const path = join(SAMPLES, 'children-in-care-q4-2023-24.md');
    const [, head, body] = readFileSync(path, 'utf8').split(/^---$/m);
    const text = `---${head ?? ''}---${(body ?? '').repeat(40)}`;
    const result = await createEngine().render(text, { path });
    assert.equal(result.refused, false);
  });
});
