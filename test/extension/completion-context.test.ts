import assert from 'node:assert/strict';
import { completionContext } from '../../src/extension/logic/completion-context.js';
import {
  SCORECARD_STATUSES,
  findAttribute,
  valueSource,
} from '../../src/extension/logic/directive-specs.js';

function at(lineWithCursor: string) {
  const character = lineWithCursor.indexOf('|');
  return completionContext(lineWithCursor.replace('|', ''), character);
}

describe('completionContext', () => {
  it('offers inline directive names after one colon in prose', () => {
    assert.deepEqual(at('stood at :va|'), {
      type: 'directive-name',
      kind: 'textDirective',
      prefix: 'va',
      start: 10,
    });
  });

  it('offers leaf and container names only at the start of a line', () => {
    assert.equal(at('::|')?.type, 'directive-name');
    assert.deepEqual(at('  :::ind|'), {
      type: 'directive-name',
      kind: 'containerDirective',
      prefix: 'ind',
      start: 5,
    });
    assert.equal(at('some text ::ch|'), undefined);
  });

  it('does not treat times or escaped colons as directives', () => {
    assert.equal(at('at 10:3|'), undefined);
    assert.equal(at('a \\:val|'), undefined);
  });

  it('offers attribute names inside braces, skipping those already written', () => {
    assert.deepEqual(at(':value{id=OP148 pe|}'), {
      type: 'attribute-name',
      directive: 'value',
      prefix: 'pe',
      start: 16,
      present: ['id'],
    });
    const afterSpace = at('::chart{id=OP148 |');
    assert.equal(afterSpace?.type, 'attribute-name');
    assert.equal(afterSpace.type === 'attribute-name' && afterSpace.prefix, '');
  });

  it('offers values after key=, quoted or not', () => {
    assert.deepEqual(at(':value{id=OP1|}'), {
      type: 'attribute-value',
      directive: 'value',
      attribute: 'id',
      prefix: 'OP1',
      start: 10,
      quoted: false,
    });
    assert.deepEqual(at(':benchmark[x]{id=OP148 vs="Lon|'), {
      type: 'attribute-value',
      directive: 'benchmark',
      attribute: 'vs',
      prefix: 'Lon',
      start: 27,
      quoted: true,
    });
  });

  it('completes the current item of a comma-separated list', () => {
    assert.deepEqual(at('::scorecard{ids="OP147, OP1|'), {
      type: 'attribute-value',
      directive: 'scorecard',
      attribute: 'ids',
      prefix: 'OP1',
      start: 24,
      quoted: true,
    });
  });

  it('completes statuses one by one in a scorecard status= list, and true or false for unit=', () => {
    assert.deepEqual(at('::scorecard{tag=x status="red,am|'), {
      type: 'attribute-value',
      directive: 'scorecard',
      attribute: 'status',
      prefix: 'am',
      start: 30,
      quoted: true,
    });
    assert.equal(valueSource(findAttribute('scorecard', 'status')!), 'statuses');
    assert.deepEqual([...SCORECARD_STATUSES], ['red', 'amber', 'green', 'none']);
    assert.deepEqual(findAttribute('value', 'unit')?.values, ['true', 'false']);
    assert.equal(valueSource(findAttribute('chart', 'ids')!), 'indicators');
    assert.ok(findAttribute('summary', 'tag'));
  });

  it('goes back to attribute names after a closed quoted value', () => {
    const result = at('::chart{id=OP148 benchmarks="England" |');
    assert.equal(result?.type, 'attribute-name');
    assert.deepEqual(result.type === 'attribute-name' && result.present, ['id', 'benchmarks']);
  });

  it('says nothing outside directives', () => {
    assert.equal(at('plain text|'), undefined);
    assert.equal(at(':value{id=OP148} and |'), undefined);
  });
});
