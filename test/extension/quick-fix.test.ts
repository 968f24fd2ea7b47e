import assert from 'node:assert/strict';
import { quickFixEdit, quickFixTitle } from '../../src/extension/logic/quick-fix.js';

function apply(
  text: string,
  edit: { start: number; end: number; text: string } | undefined,
): string {
  assert.ok(edit);
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

describe('quickFixEdit', () => {
  it('replaces a sketched attribute list whole', () => {
    const text = ':::indicator<id=OP148>';
    assert.equal(
      apply(
        text,
        quickFixEdit(
          'attribute-syntax',
          text,
          'Write attributes in braces',
          ':::indicator{id=OP148}',
        ),
      ),
      ':::indicator{id=OP148}',
    );
  });

  it('replaces only the mistyped id of a container directive', () => {
    const text = ':::indicator{id=OP418 period="2023/24"}\nNarrative mentioning OP418.\n:::';
    const edit = quickFixEdit(
      'unknown-indicator',
      text,
      'Unknown indicator OP418, did you mean OP419?',
      'OP419',
    );
    assert.equal(
      apply(text, edit),
      ':::indicator{id=OP419 period="2023/24"}\nNarrative mentioning OP418.\n:::',
    );
  });

  it('finds the wrong item in an ids list', () => {
    const text = '::scorecard{ids="OP147, OP418,OP148"}';
    const edit = quickFixEdit(
      'unknown-indicator',
      text,
      'Unknown indicator OP418, did you mean OP419?',
      'OP419',
    );
    assert.equal(apply(text, edit), '::scorecard{ids="OP147, OP419,OP148"}');
  });

  it('falls back to the only id when the reason does not name it', () => {
    const text = ':value{id=op418}';
    assert.equal(
      apply(text, quickFixEdit('unknown-indicator', text, 'No such id', 'OP419')),
      ':value{id=OP419}',
    );
  });

  it('offers nothing it cannot place', () => {
    assert.equal(quickFixEdit('no-value', ':value{id=A}', '', 'B'), undefined);
    assert.equal(
      quickFixEdit('unknown-indicator', ':value', 'Unknown indicator X', 'Y'),
      undefined,
    );
    assert.equal(
      quickFixEdit('unknown-indicator', '::scorecard{ids="A,B"}', 'Unknown indicator C', 'D'),
      undefined,
    );
  });

  it('replaces a contradicted claim with the directive or the word the data bears out', () => {
    const line = 'Care leavers in EET stood at 64% this quarter, an improvement.';
    const start = line.indexOf('64%');
    const claim = line.slice(start, start + 3);
    const edit = quickFixEdit(
      'narrative-claim',
      claim,
      '"stood at 64%", but EET\'s Q4 2023/24 value is 67%',
      ':value{id=EET}',
    );
    assert.equal(apply(claim, edit), ':value{id=EET}');
    assert.equal(
      apply('improvement', quickFixEdit('narrative-claim', 'improvement', '', 'deterioration')),
      'deterioration',
    );
    assert.equal(
      quickFixTitle('narrative-claim', ':value{id=EET}'),
      'Print the figure from the data: :value{id=EET}',
    );
    assert.equal(quickFixTitle('narrative-claim', 'fell'), 'Change to "fell" (as the data says)');
    assert.equal(quickFixTitle('unknown-indicator', 'OP419'), 'Change to OP419');
  });
});
