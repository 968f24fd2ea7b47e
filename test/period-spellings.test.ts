import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../src/engine/index.js';
import { parsePeriod, periodShortLabel } from '../src/engine/periods.js';

/** dsl.md, "More data": the spellings councils use read as the canonical period. */
describe('period spellings councils use', () => {
  const same: ReadonlyArray<readonly [string, string]> = [
    ['2023-24', '2023/24'],
    ['2023/2024', '2023/24'],
    ['2023-2024', '2023/24'],
    ['2023\u201324', '2023/24'],
    ['2023 \u2014 24', '2023/24'],
    ['FY2023/24', '2023/24'],
    ['2023-24 Q3', '2023/24 Q3'],
    ['Q3 2023/24', '2023/24 Q3'],
    ['Q3 2023-24', '2023/24 Q3'],
    ['2023/24 q3', '2023/24 Q3'],
    ['q3 2023\u201324', '2023/24 Q3'],
    ['2023-24, Q3', '2023/24 Q3'],
    ['Quarter 3 2023/24', '2023/24 Q3'],
    ['2023/24 quarter 3', '2023/24 Q3'],
    ['2023-24 H2', '2023/24 H2'],
    ['H1 2023-2024', '2023/24 H1'],
    ['2024-05', '2024-05'],
    ['2024-03-31', '2024-03-31'],
  ];
  for (const [written, key] of same) {
    it(`reads ${JSON.stringify(written)} as ${key}`, () => {
      assert.equal(parsePeriod(written)?.key, key);
    });
  }

  it('keeps labels canonical whatever the spelling', () => {
    const period = parsePeriod('2023-24 Q3');
    assert.ok(period);
    assert.equal(periodShortLabel(period), 'Q3 2023/24');
  });

  it('reads YYYY-MM as a month first, as ISO does (2011-12 is December 2011)', () => {
    assert.equal(parsePeriod('2011-12')?.kind, 'month');
    assert.equal(parsePeriod('2012-13')?.key, '2012/13');
  });

  for (const impossible of [
    '2023/25',
    '2023-25',
    '2023/2025',
    '2023-24 Q5',
    'Q0 2023-24',
    '2023-24 H3',
    '2023-13-01',
    'Q3 2023',
    '2023/24 Q3 Q4',
  ]) {
    it(`refuses ${JSON.stringify(impossible)}`, () => {
      assert.equal(parsePeriod(impossible), undefined);
    });
  }
});

describe('period spellings in reports, YAML and CSV', function () {
  this.timeout(60_000);
  it('reads 2023-24 Q4 in the front matter, Q3 2023-24 in an attribute, 2023-24 in YAML and CSV', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'scorecard-spellings-'));
    try {
      writeFileSync(
        join(folder, 'data.yaml'),
        `include: [values.csv]
indicators:
  - id: OP148
    title: Care leavers in education, employment or training
    unit: percent
    polarity: higher
    targets:
      - { period: 2023-24, value: 60 }
    values:
      - { period: Q3 2023-24, value: 55 }
`,
      );
      writeFileSync(join(folder, 'values.csv'), 'indicator,period,value\nOP148,2023-24 Q4,58\n');
      const report =
        '---\ntitle: T\nperiod: 2023-24 Q4\ndata: data.yaml\n---\n\n' +
        'Now :value{id=OP148}, before :value{id=OP148 period="Q3 2023\u201324"}, target :target{id=OP148}.\n';
      const result = await createEngine().render(report, { path: join(folder, 'report.md') });
      assert.deepEqual(result.messages, []);
      assert.match(result.body, /Now <span class="sc-value">58%<\/span>/);
      assert.match(result.body, /before <span class="sc-value">55%<\/span>/);
      assert.match(result.body, /target <span[^>]*>60%<\/span>/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
