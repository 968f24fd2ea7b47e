import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, stat, symlink, truncate, writeFile } from 'node:fs/promises';
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
    // A file where the output's folder should be: the folder cannot be made.
    const blocked = join(root.dir, 'blocked');
    await writeFile(blocked, 'keep');
    assert.equal(await exportTo('-o', join(blocked, 'out.html'), '--force'), 1);
    assert.match(lines.join('\n'), /Could not write/);
    assert.equal(await readFile(blocked, 'utf8'), 'keep');
    assert.deepEqual(await leftovers(), []);
  });

  it('refuses, before reading the report and even with --force, an output that is not a regular file', async () => {
    const pipe = join(root.dir, 'pipe.html');
    execFileSync('mkfifo', [pipe]);
    const folder = join(root.dir, 'folder.html');
    await mkdir(folder);
    const linked = join(root.dir, 'linked.html');
    await symlink('/dev/null', linked);
    // A report the engine would refuse: the output path is refused first, with exit 2.
    await writeFile(report, REPORT.replace(':value{id=OP1}', ':value{id=NOPE}'));
    const devices = ['/dev/null', '/dev/zero', '/dev/full'].filter(existsSync);
    for (const output of [pipe, folder, linked, ...devices]) {
      for (const force of [[], ['--force']]) {
        lines.length = 0;
        assert.equal(await exportTo('-o', output, ...force), 2, output);
        assert.match(lines.join('\n'), /is (a named pipe|a folder|a device), not a regular file/);
        assert.doesNotMatch(lines.join('\n'), /NOPE/);
      }
    }
    assert.ok((await stat(pipe)).isFIFO());
    assert.ok((await stat(folder)).isDirectory());
    for (const device of devices) assert.ok((await stat(device)).isCharacterDevice(), device);
    assert.deepEqual(await leftovers(), []);
  });

  it('checks the PDF path too, before printing anything', async () => {
    execFileSync('mkfifo', [join(root.dir, 'report.pdf')]);
    assert.equal(await exportTo('--pdf'), 2);
    assert.match(lines.join('\n'), /report\.pdf exists and is a named pipe/);
    assert.equal(existsSync(join(root.dir, 'report.html')), false);
  });

  it('refuses two reports that --out-dir would write to one name, naming both', async () => {
    for (const sub of ['a', 'b']) {
      await mkdir(join(root.dir, sub));
      await writeFile(join(root.dir, sub, 'report.md'), REPORT);
      await writeFile(join(root.dir, sub, 'data.yaml'), DATA);
    }
    const out = join(root.dir, 'out');
    const code = await runCli(
      ['export', join(root.dir, 'a', 'report.md'), join(root.dir, 'b', 'report.md')].concat([
        '--out-dir',
        out,
      ]),
      io,
    );
    assert.equal(code, 2);
    assert.match(
      lines.join('\n'),
      /a\/report\.md and .*b\/report\.md would both be exported to .*out\/report\.html/,
    );
    assert.equal(existsSync(out), false);
  });

  it('searches a folder without reading a huge Markdown file whole', async () => {
    // 600 MB of holes: reading it whole (as the search once did) cannot even make a string.
    await writeFile(join(root.dir, 'dump.md'), '# notes\n');
    await truncate(join(root.dir, 'dump.md'), 600 * 1024 * 1024);
    assert.equal(await runCli(['check', root.dir], io), 0, lines.join('\n'));
    assert.match(lines.join('\n'), /1 report checked/);
  });

  it('refuses an --out-dir that is a file', async () => {
    const file = join(root.dir, 'notes.txt');
    await writeFile(file, 'notes');
    assert.equal(await exportTo('--out-dir', file), 2);
    assert.match(lines.join('\n'), /--out-dir .*notes\.txt exists and is not a folder/);
    assert.equal(await readFile(file, 'utf8'), 'notes');
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
