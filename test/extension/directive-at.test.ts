import assert from 'node:assert/strict';
import { directiveAt } from '../../src/extension/logic/directive-at.js';
import { listItemAt, scanAttributes } from '../../src/extension/logic/attribute-scan.js';

describe('directiveAt', () => {
  const line = 'stood at :value{id=OP148} against :target{id="OP660" period="2023/24 Q4"}.';

  it('finds the directive and its id when the cursor is on its name', () => {
    const hit = directiveAt(line, line.indexOf('value') + 2);
    assert.equal(hit?.name, 'value');
    assert.equal(hit.id, 'OP148');
    assert.equal(hit.colons, 1);
    assert.equal(hit.attributes.get('id'), 'OP148');
  });

  it('gives the span of the id under the cursor', () => {
    const hit = directiveAt(line, line.indexOf('OP660') + 1);
    assert.equal(hit?.name, 'target');
    assert.equal(hit.id, 'OP660');
    assert.equal(hit.idStart, line.indexOf('OP660'));
    assert.equal(hit.idEnd, line.indexOf('OP660') + 5);
    assert.equal(hit.attributes.get('period'), '2023/24 Q4');
  });

  it('picks the list item under the cursor in ids="A,B"', () => {
    const text = '::scorecard{ids="OP147,OP148, OP419"}';
    assert.equal(directiveAt(text, text.indexOf('OP148') + 2)?.id, 'OP148');
    assert.equal(directiveAt(text, text.indexOf('OP419'))?.id, 'OP419');
    assert.equal(directiveAt(text, 3)?.id, undefined);
  });

  it('returns nothing between directives', () => {
    assert.equal(directiveAt(line, line.indexOf('against') + 2), undefined);
  });
});

describe('scanAttributes', () => {
  it('reads bare names, unquoted, quoted and unfinished values', () => {
    const tokens = scanAttributes('id=OP1 flag title="A b" x=\'open');
    assert.deepEqual(
      tokens.map((t) => [t.name, t.value, t.quote, t.open]),
      [
        ['id', 'OP1', undefined, undefined],
        ['flag', undefined, undefined, undefined],
        ['title', 'A b', '"', undefined],
        ['x', 'open', "'", true],
      ],
    );
  });

  it('skips stray characters instead of looping', () => {
    assert.deepEqual(
      scanAttributes('"= id=1').map((t) => t.name),
      ['id'],
    );
  });

  it('listItemAt trims the item and reports its span', () => {
    assert.deepEqual(listItemAt('A, B ,C', 3), { item: 'B', start: 3, end: 4 });
  });
});
