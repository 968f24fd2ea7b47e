import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  GENERATED_VALIDATOR,
  schemaValidatorCode,
} from '../../scripts/generate-schema-validator.js';
import { parseStructured } from '../../src/engine/data/read-structured.js';
import { describePath, validateData } from '../../src/engine/data/validate-data.js';

function check(text: string): { at: string; reason: string; suggestions?: readonly string[] }[] {
  return validateData(parseStructured(text, '/d/indicators.yaml')).map((m) => ({
    at: `${m.line}:${m.column} ${m.ruleId}`,
    reason: m.reason,
    ...(m.suggestions ? { suggestions: m.suggestions } : {}),
  }));
}

const head =
  'indicators:\n  - id: OP660\n    title: Assessments\n    unit: percent\n    polarity: higher\n';

describe('data: validateData (JSON Schema)', () => {
  it('accepts the spec example', () => {
    assert.deepEqual(
      check(
        `${head}    values:\n      - { period: 2023/24 Q4, value: 67, numerator: 201, denominator: 300 }\n`,
      ),
      [],
    );
  });

  it('points at a period that is not one', () => {
    const problems = check(
      `${head}    values:\n      - { period: 2023/24 Q3, value: 1 }\n      - period: 2023/24 Q5\n        value: 2\n`,
    );
    assert.deepEqual(problems, [
      {
        at: '8:17 data-invalid',
        reason:
          'OP660 values[1].period: "2023/24 Q5" is not a period (write 2023/24, 2023/24 Q4, 2023/24 H1, 2024-05 or 2024-03-31)',
      },
    ]);
  });

  it('names an unknown field at its key and suggests the near one', () => {
    const problems = check(`${head}    polarty: lower\n`);
    assert.deepEqual(problems, [
      {
        at: '6:5 data-invalid',
        reason: 'OP660: unknown field "polarty", did you mean polarity?',
        suggestions: ['polarity'],
      },
    ]);
  });

  it('refuses a unit outside the list', () => {
    const problems = check(head.replace('unit: percent', 'unit: percentage'));
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.at, '4:11 data-invalid');
    assert.match(problems[0]!.reason, /^OP660 unit: "percentage" is not one of percent, count/);
    assert.deepEqual(problems[0]?.suggestions, ['percent']);
  });

  it('asks for band when polarity is band', () => {
    const problems = check(head.replace('polarity: higher', 'polarity: band'));
    assert.deepEqual(problems, [
      { at: '2:5 data-invalid', reason: 'OP660: missing required field "band"' },
    ]);
  });

  it('asks for a value or a symbol in a values entry, once', () => {
    const problems = check(`${head}    values:\n      - { period: 2023/24 Q4, numerator: 3 }\n`);
    assert.deepEqual(problems, [
      { at: '7:9 data-invalid', reason: 'OP660 values[0]: needs a value or a symbol' },
    ]);
  });

  it('names a wrong type and a missing id', () => {
    const problems = check(
      'indicators:\n  - title: T\n    unit: count\n    polarity: none\n    decimals: one\n',
    );
    assert.deepEqual(problems, [
      { at: '2:5 data-invalid', reason: 'indicators[0]: missing required field "id"' },
      { at: '5:15 data-invalid', reason: 'indicators[0].decimals: "one" is not a whole number' },
    ]);
  });

  it('accepts a source with its EES fields and refuses an unknown source field', () => {
    const text =
      'sources:\n  cin:\n    ees: dfe/c1.csv\n    la: 309\n    neighbors: x.csv\nindicators:\n  - id: R\n    title: Re-referrals\n    unit: percent\n    polarity: lower\n    source: cin\n    value: rereferral_percent\n    where: { category: Referrals }\n';
    assert.deepEqual(check(text), [
      {
        at: '5:5 data-invalid',
        reason: 'sources.cin: unknown field "neighbors", did you mean neighbours?',
        suggestions: ['neighbours'],
      },
    ]);
  });

  it('describes paths the way authors read them', () => {
    assert.equal(describePath([], {}), 'the data file');
    assert.equal(
      describePath(['indicators', 1, 'targets', 0, 'value'], { indicators: [{ id: 'A' }, {}] }),
      'indicators[1].targets[0].value',
    );
  });
});

describe('the generated schema validator', () => {
  it('is what `npm run generate:schema` writes from the shipped schema', () => {
    assert.equal(
      readFileSync(GENERATED_VALIDATOR, 'utf8'),
      schemaValidatorCode(),
      'run `npm run generate:schema` after changing schema/scorecard-data.schema.json',
    );
  });
});
