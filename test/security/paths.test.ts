import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { createEngine } from '../../src/engine/index.js';
import { assertMessage, scratch } from './helpers.js';

const DATA = `indicators:
  - id: OP1
    title: Outside data
    unit: count
    polarity: none
    counting_unit: children
    values: [{ period: 2023/24 Q4, value: 42 }]
`;

function report(data: string): string {
  return `---\nperiod: 2023/24 Q4\ndata: ${JSON.stringify(data)}\n---\n\n:value{id=OP1}\n`;
}

describe('paths in reports and data files', function () {
  this.timeout(120_000);
  let root: { dir: string; dispose(): Promise<void> };
  let reportDir: string;
  let outside: string;
  before(async () => {
    root = await scratch();
    reportDir = join(root.dir, 'reports');
    outside = join(root.dir, 'elsewhere');
    await mkdir(join(reportDir, 'data', 'folder.yaml'), { recursive: true });
    await mkdir(outside);
    await writeFile(join(outside, 'data.yaml'), DATA);
    await writeFile(join(outside, 'ees.csv'), 'time_period,time_identifier\n2024,Reporting year\n');
    await writeFile(
      join(reportDir, 'data', 'ees-outside.yaml'),
      `sources:\n  s: { ees: ../../elsewhere/ees.csv, la: "309" }\nindicators:\n  - { id: OP1, title: T, unit: count, polarity: none, counting_unit: c, source: s, value: v }\n`,
    );
    await writeFile(join(reportDir, 'notes.txt'), 'not data');
    await symlink(outside, join(reportDir, 'link-out'));
    execFileSync('mkfifo', [join(reportDir, 'data', 'pipe.yaml')]);
  });
  after(async () => {
    await root?.dispose();
  });

  async function rules(data: string, allowedRoots: string[] = []): Promise<string[]> {
    const engine = createEngine({ allowedRoots });
    const result = await engine.render(report(data), { path: join(reportDir, 'report.md') });
    for (const message of result.messages) assertMessage(message);
    return result.messages.filter((m) => m.severity === 'error').map((m) => m.ruleId);
  }

  it('refuses data: outside the report folder, by ../, absolute path or symlink', async () => {
    for (const data of [
      '../elsewhere/data.yaml',
      join(outside, 'data.yaml'),
      'link-out/data.yaml',
    ]) {
      assert.ok((await rules(data)).includes('path-not-allowed'), data);
    }
  });

  it('reads it when the folder is allowed (setting / --allow)', async () => {
    assert.deepEqual(await rules('../elsewhere/data.yaml', [outside]), []);
  });

  it('refuses an ees: path outside the allowed folders', async () => {
    assert.ok((await rules('data/ees-outside.yaml')).includes('path-not-allowed'));
  });

  it('gives messages, not stack traces, for a missing file, a folder, a pipe and a non-data file', async () => {
    assert.deepEqual(await rules('data/missing.yaml'), ['data-missing', 'unknown-indicator']);
    assert.deepEqual(await rules('data/folder.yaml'), ['data-missing', 'unknown-indicator']);
    // A named pipe used to block the read for ever.
    assert.deepEqual(await rules('data/pipe.yaml'), ['data-missing', 'unknown-indicator']);
    assert.ok((await rules('notes.txt')).includes('data-invalid'));
  });

  it('the CLI refuses outside data without --allow and reads it with', async () => {
    await writeFile(join(reportDir, 'report.md'), report('../elsewhere/data.yaml'));
    const err: string[] = [];
    const io = { out: (text: string) => err.push(text), err: (text: string) => err.push(text) };
    assert.equal(await runCli(['check', join(reportDir, 'report.md')], io), 1);
    assert.match(err.join('\n'), /path-not-allowed/);
    assert.doesNotMatch(err.join('\n'), /\n\s+at /);
    assert.equal(await runCli(['check', '--allow', outside, join(reportDir, 'report.md')], io), 0);
  });
});
