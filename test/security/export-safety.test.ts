import assert from 'node:assert/strict';
import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { scratch } from './helpers.js';

const DATA = `indicators:
  - { id: OP1, title: One, unit: count, polarity: none, counting_unit: children, values: [{ period: 2023/24 Q4, value: 42 }] }
`;
const REPORT = '---\ntitle: Safe\nperiod: 2023/24 Q4\ndata: data.yaml\n---\n\n:value{id=OP1}\n';

describe('export never loses work', function () {
  this.timeout(60_000);
  let root: { dir: string; dispose(): Promise<void> };
  let report: string;
  const lines: string[] = [];
  const io = { out: (text: string) => lines.push(text), err: (text: string) => lines.push(text) };
  const exportTo = (...args: string[]) => runCli(['export', report, ...args], io);

  beforeEach(async () => {
    root = await scratch();
    report = join(root.dir, 'report.md');
    await writeFile(report, REPORT);
    await writeFile(join(root.dir, 'data.yaml'), DATA);
    lines.length = 0;
  });
  afterEach(async () => {
    await root?.dispose();
  });

  async function leftovers(): Promise<string[]> {
    return (await readdir(root.dir)).filter((name) => name.endsWith('.tmp'));
  }

  it('writes the export and leaves no temporary file', async () => {
    assert.equal(await exportTo(), 0);
    assert.match(await readFile(join(root.dir, 'report.html'), 'utf8'), /42/);
    assert.deepEqual(await leftovers(), []);
  });

  it('never writes over the report, even with --force, under any name', async () => {
    await mkdir(join(root.dir, 'sub'));
    await symlink(root.dir, join(root.dir, 'sub', 'linked'));
    await symlink(report, join(root.dir, 'alias.html'));
    for (const output of [
      report,
      join(root.dir, 'sub', '..', 'report.md'),
      join(root.dir, 'sub', 'linked', 'report.md'),
      join(root.dir, 'alias.html'),
    ]) {
      assert.equal(await exportTo('-o', output, '--force'), 1, output);
      assert.equal(await readFile(report, 'utf8'), REPORT, output);
    }
    assert.deepEqual(await leftovers(), []);
  });

  it('refuses to overwrite a file it did not write unless --force', async () => {
    const other = join(root.dir, 'minutes.html');
    await writeFile(other, '<p>Minutes of the last meeting</p>');
    assert.equal(await exportTo('-o', other), 1);
    assert.match(lines.join('\n'), /was not written by Scorecard Markdown; use --force/);
    assert.equal(await readFile(other, 'utf8'), '<p>Minutes of the last meeting</p>');
    assert.equal(await exportTo('-o', other, '--force'), 0);
    assert.match(await readFile(other, 'utf8'), /42/);
  });

  it('overwrites its own earlier export without --force', async () => {
    assert.equal(await exportTo(), 0);
    await writeFile(report, REPORT.replace('title: Safe', 'title: Safer'));
    assert.equal(await exportTo(), 0);
    assert.match(await readFile(join(root.dir, 'report.html'), 'utf8'), /Safer/);
  });

  it('a failed write leaves the old state and no temporary file behind', async () => {
    const blocked = join(root.dir, 'blocked.html');
    await mkdir(blocked);
    await writeFile(join(blocked, 'keep.txt'), 'keep');
    assert.equal(await exportTo('-o', blocked, '--force'), 1);
    assert.match(lines.join('\n'), /Could not write/);
    assert.equal(await readFile(join(blocked, 'keep.txt'), 'utf8'), 'keep');
    assert.deepEqual(await leftovers(), []);
  });

  it('does not write a refused report at all', async () => {
    await writeFile(report, REPORT.replace(':value{id=OP1}', ':value{id=NOPE}'));
    assert.equal(await exportTo(), 1);
    assert.deepEqual(
      (await readdir(root.dir)).filter((name) => name.endsWith('.html')),
      [],
    );
  });
});
