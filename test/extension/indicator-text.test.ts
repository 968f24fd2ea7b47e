import assert from 'node:assert/strict';
import path from 'node:path';
import { parsePeriod } from '../../src/engine/periods.js';
import type { Catalogue, Indicator, Period } from '../../src/engine/types.js';
import {
  escapeMarkdown,
  hoverMarkdown,
  latestText,
  periodKeys,
  placeText,
  tagNames,
  categoryNames,
} from '../../src/extension/logic/indicator-text.js';
import { valueSource, findAttribute } from '../../src/extension/logic/directive-specs.js';

const dir = path.resolve('reports');
const data = path.join(dir, 'data', 'indicators.yaml');

function period(key: string): Period {
  const p = parsePeriod(key);
  if (!p) throw new Error(`bad period ${key}`);
  return p;
}

const place = (line: number) => ({ file: data, line, column: 3 });

const op660: Indicator = {
  id: 'OP660',
  aliases: ['HY650'],
  title: 'Assessments within 45 days | timely',
  definition: 'Assessments completed within 45 working days.',
  unit: 'percent',
  decimals: 0,
  polarity: 'higher',
  countingUnit: 'assessments',
  tags: ['assessment'],
  values: [
    { period: period('2023/24 Q3'), value: 63, source: place(20) },
    { period: period('2023/24 Q4'), value: 67, source: place(21) },
  ],
  targets: [{ period: period('2023/24'), value: 80, tolerance: 5, source: place(15) }],
  benchmarks: [
    { comparator: 'England', period: period('2022/23'), value: 82, source: place(25) },
    { comparator: 'London', period: period('2022/23'), symbol: 'c', source: place(26) },
  ],
  source: place(2),
};

describe('indicator text', () => {
  it('describes the latest value with its period', () => {
    assert.equal(latestText(op660), '67% (Q4 2023/24)');
    assert.equal(latestText({ ...op660, values: [] }), undefined);
  });

  it('builds a hover with every fact and where it came from', () => {
    const md = hoverMarkdown(op660, {
      period: '2023/24 Q4',
      reportDir: dir,
      comparators: ['England', 'London'],
    });
    assert.match(md, /\*\*OP660: Assessments within 45 days \\\| timely\*\* \(also HY650\)/);
    assert.match(md, /Assessments completed within 45 working days\\\./);
    assert.match(md, /Counting unit: assessments/);
    assert.match(md, /\| Value, Q4 2023\/24 \| 67% \| `data\/indicators\.yaml:21` \|/);
    assert.match(
      md,
      /\| Target, 2023\/24 \| 80%, amber within 5 pp \| `data\/indicators\.yaml:15` \|/,
    );
    assert.match(md, /\| RAG \| ▼ Red: 13 pp below target \|/);
    assert.match(md, /\| Change \| up 4 pp from 63% in Q3 2023\/24, better \|/);
    assert.match(md, /\| England, 2022\/23 \| 82% \| `data\/indicators\.yaml:25` \|/);
    assert.match(md, /\| London, 2022\/23 \| [^|]*suppressed[^|]* \|/i);
    assert.match(md, /Defined at `data\/indicators\.yaml:2`/);
  });

  it('says when the period has no value', () => {
    const md = hoverMarkdown(op660, {
      period: '2022/23 Q1',
      reportDir: dir,
      comparators: ['England', 'London'],
    });
    assert.match(md, /\| Value \| no value for Q1 2022\/23 \|/);
  });

  it('lists periods newest first and tags once', () => {
    const catalogue: Catalogue = {
      indicators: new Map([['OP660', op660]]),
      lookup: new Map([
        ['OP660', 'OP660'],
        ['HY650', 'OP660'],
      ]),
      comparators: ['England', 'London'],
      smallNumberThreshold: 5,
      files: [data],
    };
    assert.deepEqual(periodKeys(catalogue), ['2023/24 Q4', '2023/24', '2023/24 Q3']);
    assert.deepEqual(tagNames(catalogue), ['assessment']);
  });

  it('shows places outside the report folder as absolute paths', () => {
    const outside = path.resolve('elsewhere', 'd.csv');
    assert.equal(
      placeText({ file: outside, line: 4, column: 1 }, dir),
      `${outside.split(path.sep).join('/')}:4`,
    );
  });

  it('escapes Markdown in data-file text', () => {
    assert.equal(
      escapeMarkdown('[x](javascript:y) *b*\nnext'),
      '\\[x\\]\\(javascript:y\\) \\*b\\* next',
    );
  });

  it('hovers a breakdown, a currency and a rank; completes categories and rank groups', () => {
    const need: Indicator = {
      ...op660,
      id: 'NEED',
      unit: 'currency',
      currency: 'GBP',
      breakdown: 'category of need',
      categories: ['Abuse or neglect', 'Absent parenting'],
      breakdownValues: [],
      values: [{ period: period('2023/24'), value: 7214, source: place(30) }],
      targets: [],
      benchmarks: [],
      peers: {
        code: '309',
        name: 'Haringey',
        regionCode: 'E12000007',
        regionName: 'London',
        byPeriod: new Map([
          [
            '2023/24',
            [
              {
                code: '309',
                name: 'Haringey',
                regionCode: 'E12000007',
                value: 7214,
                source: place(40),
              },
              {
                code: '302',
                name: 'Barnet',
                regionCode: 'E12000007',
                value: 8000,
                source: place(41),
              },
              {
                code: '908',
                name: 'Cornwall',
                regionCode: 'E12000009',
                value: 7214,
                source: place(42),
              },
            ],
          ],
        ]),
      },
    };
    const md = hoverMarkdown(need, { period: '2023/24', reportDir: dir, comparators: [] });
    assert.match(md, /Breakdown by category of need: Abuse or neglect, Absent parenting/);
    assert.match(md, /\| Value, 2023\/24 \| £7,214 \|/);
    assert.match(
      md,
      /\| Rank among England, 2023\/24 \| 2nd= of 3, fourth quartile .*`data\/indicators\.yaml:40` \|/,
    );
    assert.match(md, /\| Rank among London, 2023\/24 \| 2nd of 2, /);
    const catalogue: Catalogue = {
      indicators: new Map([['NEED', need]]),
      lookup: new Map([['NEED', 'NEED']]),
      comparators: [],
      smallNumberThreshold: 5,
      files: [],
    };
    assert.deepEqual(categoryNames(catalogue), ['Abuse or neglect', 'Absent parenting']);
    assert.equal(valueSource(findAttribute('value', 'category')!), 'category');
    assert.equal(valueSource(findAttribute('scorecard', 'rank')!), 'comparators');
    assert.equal(valueSource(findAttribute('rank', 'vs')!), 'comparator');
    assert.equal(valueSource(findAttribute('breakdown', 'chart')!), 'enum');
  });
});
