import assert from 'node:assert/strict';
import { DiagnosticStore, messageRange } from '../../src/extension/logic/diagnostic-store.js';
import type { Message } from '../../src/engine/types.js';
import { createEngine } from '../../src/engine/index.js';

function message(file: string, line: number, ruleId = 'no-value'): Message {
  return { ruleId, severity: 'warning', reason: `r${line}`, file, line, column: 1 };
}

describe('DiagnosticStore', () => {
  it('groups a report check by file, the report always included', () => {
    const store = new DiagnosticStore();
    const changed = store.update('/r/a.md', [
      message('/r/data.yaml', 3),
      message('/r/data.yaml', 4),
    ]);
    assert.deepEqual([...changed.keys()].sort(), ['/r/a.md', '/r/data.yaml']);
    assert.equal(changed.get('/r/a.md')?.length, 0);
    assert.equal(changed.get('/r/data.yaml')?.length, 2);
    assert.equal(store.count('/r/a.md'), 2);
  });

  it('clears files a new check no longer mentions', () => {
    const store = new DiagnosticStore();
    store.update('/r/a.md', [message('/r/data.yaml', 3)]);
    const changed = store.update('/r/a.md', [message('/r/a.md', 1)]);
    assert.deepEqual(changed.get('/r/data.yaml'), []);
    assert.equal(changed.get('/r/a.md')?.length, 1);
  });

  it('keeps a shared data file problem while another report still reports it', () => {
    const store = new DiagnosticStore();
    store.update('/r/a.md', [message('/r/data.yaml', 3)]);
    store.update('/r/b.md', [message('/r/data.yaml', 3), message('/r/data.yaml', 9)]);
    const afterA = store.remove('/r/a.md');
    assert.deepEqual(
      afterA.get('/r/data.yaml')?.map((m) => m.line),
      [3, 9],
    );
    const afterB = store.remove('/r/b.md');
    assert.deepEqual(afterB.get('/r/data.yaml'), []);
    assert.deepEqual(store.reports(), []);
  });

  it('lists a problem found by two reports once', () => {
    const store = new DiagnosticStore();
    store.update('/r/a.md', [message('/r/data.yaml', 3)]);
    const changed = store.update('/r/b.md', [message('/r/data.yaml', 3)]);
    assert.equal(changed.get('/r/data.yaml')?.length, 1);
  });
});

describe('messageRange', () => {
  it('converts 1-based positions with an end to 0-based', () => {
    const m: Message = { ...message('/f', 2), column: 5, endLine: 2, endColumn: 9 };
    assert.deepEqual(messageRange(m), {
      startLine: 1,
      startCharacter: 4,
      endLine: 1,
      endCharacter: 8,
    });
  });

  it('without an end, covers the token that starts at the column', () => {
    const m: Message = { ...message('/f', 1), column: 7 };
    assert.deepEqual(messageRange(m, 'id is OP418 here'), {
      startLine: 0,
      startCharacter: 6,
      endLine: 0,
      endCharacter: 11,
    });
    assert.equal(messageRange(m).endCharacter, 7);
  });

  it('places the door errors on the characters an editor shows, whatever the line ends', async () => {
    // The text as VS Code holds it: CRLF and a character it could not decode (U+FFFD).
    const text =
      '---\r\ndata: data.yaml\r\nclasification: exempt\r\n---\r\n\r\n::: exempt\r\nText\r\n:::\r\n\r\nCaf\uFFFD\r\n';
    const editorLines = text.split(/\r\n|\r|\n/);
    const messages = await createEngine().check(text, {
      path: '/nowhere/report.md',
      mode: 'preview',
    });
    const shown = (ruleId: string) => {
      const found = messages.find((m) => m.ruleId === ruleId);
      assert.ok(found, `${ruleId} in ${JSON.stringify(messages)}`);
      const range = messageRange(found, editorLines[found.line - 1]);
      return (editorLines[range.startLine] ?? '').slice(range.startCharacter, range.endCharacter);
    };
    // The text refused at the door is reported alone: nothing else was read.
    assert.equal(shown('encoding'), '\uFFFD');
    const decoded = text.replace('Caf\uFFFD', 'Cafe');
    const again = await createEngine().check(decoded, {
      path: '/nowhere/report.md',
      mode: 'preview',
    });
    const at = (ruleId: string) => {
      const found = again.find((m) => m.ruleId === ruleId);
      assert.ok(found, `${ruleId} in ${JSON.stringify(again)}`);
      const range = messageRange(found, editorLines[found.line - 1]);
      return (editorLines[range.startLine] ?? '').slice(range.startCharacter, range.endCharacter);
    };
    assert.equal(at('front-matter-invalid'), 'clasification');
    assert.equal(at('unmatched-fence'), ':::');
  });
});
