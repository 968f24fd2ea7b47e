import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../src/engine/index.js';
import {
  MAX_MESSAGES_PER_FILE,
  MAX_REASON_CHARS,
  capMessages,
} from '../../src/engine/message-cap.js';
import { createMessage } from '../../src/engine/messages.js';

const HEAD = '---\ntitle: Many\nperiod: 2023/24 Q4\ndata: data.yaml\n---\n\n';
const DATA =
  'indicators:\n  - { id: OP1, title: One, unit: count, polarity: none, values: [{ period: 2023/24 Q4, value: 42 }] }\n';

describe('message cap', function () {
  this.timeout(60_000);
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scorecard-cap-'));
    await writeFile(join(dir, 'data.yaml'), DATA);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('shows at most 200 messages of a report and says how many more there are, in every face', async () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `:value{id=NOPE${i}}`).join('\n\n');
    const path = join(dir, 'report.md');
    const engine = createEngine();
    const checked = await engine.check(HEAD + lines, { path });
    const rendered = (await engine.render(HEAD + lines, { path })).messages;
    for (const messages of [checked, rendered]) {
      assert.equal(messages.length, MAX_MESSAGES_PER_FILE + 1);
      const last = messages.at(-1);
      assert.match(last?.reason ?? '', /^…and 800 more problems in this file \(1000 in all\)/);
      assert.equal(last?.severity, 'error');
      assert.equal(last?.line, 7 + 2 * MAX_MESSAGES_PER_FILE);
    }
  });

  it('keeps errors before warnings, and a file one over the cap whole', () => {
    const at = (line: number) => ({ file: '/r.md', line, column: 1 });
    const warnings = Array.from({ length: 300 }, (_, i) =>
      createMessage('no-value', `w${i}`, at(i + 1)),
    );
    const errors = Array.from({ length: 10 }, (_, i) =>
      createMessage('unknown-indicator', `e${i}`, at(1000 + i)),
    );
    const capped = capMessages([...warnings, ...errors]);
    assert.equal(capped.length, MAX_MESSAGES_PER_FILE + 1);
    assert.equal(capped.filter((m) => m.severity === 'error').length, 10);
    assert.equal(capped.at(-1)?.severity, 'warning');
    assert.match(capped.at(-1)?.reason ?? '', /and 110 more/);
    assert.equal(capMessages(warnings.slice(0, MAX_MESSAGES_PER_FILE + 1)).length, 201);
    // Other files keep their own count.
    const other = createMessage('no-value', 'x', { file: '/other.md', line: 1, column: 1 });
    assert.equal(capMessages([...warnings, other]).filter((m) => m.file === '/other.md').length, 1);
  });

  it('bounds the text of one message: a data file saved as UTF-16 is not quoted whole', async () => {
    const rows = Array.from(
      { length: 5000 },
      (_, i) => `  - { id: X${i}, title: T, unit: count, polarity: none }`,
    ).join('\n');
    const utf16 = Buffer.from(`\ufeffindicators:\n${rows}\n`, 'utf16le');
    await writeFile(join(dir, 'wide.yaml'), utf16);
    const path = join(dir, 'wide.md');
    const messages = await createEngine().check(
      HEAD.replace('data.yaml', 'wide.yaml') + ':value{id=X1}\n',
      { path },
    );
    assert.ok(messages.length > 0);
    for (const message of messages) {
      assert.ok(
        message.reason.length <= MAX_REASON_CHARS + 40,
        `${message.reason.length} characters`,
      );
    }
  });

  it('cuts any over-long message text, saying how much was left out', () => {
    const long = createMessage('data-invalid', 'x'.repeat(5000), {
      file: '/d',
      line: 1,
      column: 1,
    });
    const [capped] = capMessages([long]);
    assert.equal(capped?.reason, `${'x'.repeat(MAX_REASON_CHARS)}… (4000 more characters)`);
  });
});
