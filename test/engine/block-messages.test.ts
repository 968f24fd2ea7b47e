import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BlockMessages } from '../../src/engine/block-messages.js';
import { createMessage, RULES } from '../../src/engine/messages.js';
import type { Message } from '../../src/engine/types.js';

const message = (block: number, n: number): Message =>
  createMessage(RULES.unknownIndicator, `block ${block}, message ${n}`, {
    file: 'report.md',
    line: block + 1,
    column: n + 1,
  });

describe('block messages (one list, a block replaced at a time)', () => {
  it('gives, after any replacements, what joining the blocks’ lists gives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 2 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 })), { maxLength: 8 }),
        (counts, edits) => {
          const perBlock = counts.map((count, block) =>
            Array.from({ length: count }, (_, n) => message(block, n)),
          );
          let messages = BlockMessages.of(perBlock);
          for (const [at, count] of edits) {
            const block = at % perBlock.length;
            const own = Array.from({ length: count }, (_, n) => message(block, 10 + n));
            perBlock[block] = own;
            messages = messages.with(block, own);
          }
          assert.deepEqual(messages.list, perBlock.flat());
        },
      ),
    );
  });

  it('keeps the same list when a block without messages still has none', () => {
    const messages = BlockMessages.of([[], [message(1, 0)], []]);
    assert.equal(messages.with(2, []), messages);
    assert.notEqual(messages.with(1, []), messages);
  });
});
