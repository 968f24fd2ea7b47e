import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import {
  comparePeriods,
  parsePeriod,
  periodContains,
  periodFromEes,
  periodLabel,
  periodShortLabel,
  periodsEndingAt,
  previousPeriod,
  stepPeriod,
  yearEarlier,
} from '../src/engine/periods.js';
import type { Period } from '../src/engine/types.js';

function p(text: string): Period {
  const period = parsePeriod(text);
  assert.ok(period, `expected ${text} to parse`);
  return period;
}

describe('periods', () => {
  describe('parsePeriod: the dsl.md table', () => {
    it('reads a financial year: April to March', () => {
      assert.deepEqual(p('2023/24'), {
        kind: 'year',
        key: '2023/24',
        start: '2023-04-01',
        end: '2024-03-31',
        fiscalYear: 2023,
      });
    });

    it('reads quarters: Q1 April to June ... Q4 January to March', () => {
      const expected = [
        ['2023/24 Q1', '2023-04-01', '2023-06-30'],
        ['2023/24 Q2', '2023-07-01', '2023-09-30'],
        ['2023/24 Q3', '2023-10-01', '2023-12-31'],
        ['2023/24 Q4', '2024-01-01', '2024-03-31'],
      ] as const;
      for (const [text, start, end] of expected) {
        assert.deepEqual(p(text), { kind: 'quarter', key: text, start, end, fiscalYear: 2023 });
      }
    });

    it('reads halves', () => {
      assert.deepEqual(p('2023/24 H1'), {
        kind: 'half',
        key: '2023/24 H1',
        start: '2023-04-01',
        end: '2023-09-30',
        fiscalYear: 2023,
      });
      assert.deepEqual(p('2023/24 H2'), {
        kind: 'half',
        key: '2023/24 H2',
        start: '2023-10-01',
        end: '2024-03-31',
        fiscalYear: 2023,
      });
    });

    it('reads a month, in the financial year it falls in', () => {
      assert.deepEqual(p('2024-05'), {
        kind: 'month',
        key: '2024-05',
        start: '2024-05-01',
        end: '2024-05-31',
        fiscalYear: 2024,
      });
      assert.equal(p('2024-02').end, '2024-02-29');
      assert.equal(p('2023-02').end, '2023-02-28');
      assert.equal(p('2024-03').fiscalYear, 2023);
    });

    it('reads a snapshot date', () => {
      assert.deepEqual(p('2024-03-31'), {
        kind: 'date',
        key: '2024-03-31',
        start: '2024-03-31',
        end: '2024-03-31',
        fiscalYear: 2023,
      });
    });

    it('is lenient on spacing, case and the four-digit second year', () => {
      assert.equal(p('2023/24 q4').key, '2023/24 Q4');
      assert.equal(p('  2023 / 24   Q4 ').key, '2023/24 Q4');
      assert.equal(p('2023/24Q4').key, '2023/24 Q4');
      assert.equal(p('2023/2024').key, '2023/24');
      assert.equal(p('2023/2024 h1').key, '2023/24 H1');
      assert.equal(p('Q4 2023/24').key, '2023/24 Q4');
      assert.equal(p('h2 2023/24').key, '2023/24 H2');
      assert.equal(p('2024-5').key, '2024-05');
      assert.equal(p('2024-3-1').key, '2024-03-01');
      assert.equal(p('1999/00').key, '1999/00');
      assert.equal(p('1999/00').end, '2000-03-31');
    });

    it('is strict on meaning', () => {
      for (const bad of [
        '2023/25',
        '2023/2025',
        '2023/22',
        '2023/24 Q5',
        '2023/24 Q0',
        '2023/24 H3',
        '2024-13',
        '2024-00',
        '2024-02-30',
        '2023-02-29',
        '2024-04-31',
        '2024-01-00',
        '2023-25',
        'Q4',
        '',
        'last quarter',
      ]) {
        assert.equal(parsePeriod(bad), undefined, bad);
      }
      assert.equal(p('2024-02-29').key, '2024-02-29');
      assert.equal(p('2000-02-29').key, '2000-02-29');
      assert.equal(parsePeriod('2100-02-29'), undefined);
    });

    it('returns the same frozen object for the same period', () => {
      assert.equal(p('2023/24 Q4'), p('2023/24 q4'));
      assert.equal(p('2023/24 Q4'), stepPeriod(p('2023/24 Q3'), 1));
      assert.ok(Object.isFrozen(p('2023/24')));
    });
  });

  describe('labels', () => {
    it('gives the long labels of the spec', () => {
      assert.equal(periodLabel(p('2023/24')), '2023/24');
      assert.equal(periodLabel(p('2023/24 Q4')), 'Q4 2023/24 (January to March 2024)');
      assert.equal(periodLabel(p('2023/24 Q1')), 'Q1 2023/24 (April to June 2023)');
      assert.equal(periodLabel(p('2023/24 Q3')), 'Q3 2023/24 (October to December 2023)');
      assert.equal(periodLabel(p('2023/24 H1')), 'first half of 2023/24 (April to September 2023)');
      assert.equal(
        periodLabel(p('2023/24 H2')),
        'second half of 2023/24 (October 2023 to March 2024)',
      );
      assert.equal(periodLabel(p('2024-05')), 'May 2024');
      assert.equal(periodLabel(p('2024-03-31')), 'at 31 March 2024');
      assert.equal(periodLabel(p('2024-04-01')), 'at 1 April 2024');
    });

    it('gives short labels for running text', () => {
      assert.equal(periodShortLabel(p('2023/24 Q3')), 'Q3 2023/24');
      assert.equal(periodShortLabel(p('2022/23')), '2022/23');
      assert.equal(periodShortLabel(p('2023/24 H1')), 'H1 2023/24');
      assert.equal(periodShortLabel(p('2024-05')), 'May 2024');
      assert.equal(periodShortLabel(p('2024-03-31')), '31 March 2024');
    });
  });

  describe('stepping', () => {
    it('steps each kind across year boundaries', () => {
      assert.equal(previousPeriod(p('2023/24 Q1')).key, '2022/23 Q4');
      assert.equal(previousPeriod(p('2023/24 Q4')).key, '2023/24 Q3');
      assert.equal(stepPeriod(p('2023/24 Q4'), 1).key, '2024/25 Q1');
      assert.equal(stepPeriod(p('2023/24 Q2'), -9).key, '2021/22 Q1');
      assert.equal(previousPeriod(p('2023/24 H1')).key, '2022/23 H2');
      assert.equal(stepPeriod(p('2023/24 H2'), 1).key, '2024/25 H1');
      assert.equal(previousPeriod(p('2023/24')).key, '2022/23');
      assert.equal(previousPeriod(p('2024-01')).key, '2023-12');
      assert.equal(stepPeriod(p('2024-11'), 3).key, '2025-02');
      assert.equal(stepPeriod(p('2024-05'), 0).key, '2024-05');
    });

    it('steps snapshot dates by month, keeping month ends at month end', () => {
      assert.equal(previousPeriod(p('2024-03-31')).key, '2024-02-29');
      assert.equal(previousPeriod(p('2024-02-29')).key, '2024-01-31');
      assert.equal(previousPeriod(p('2024-03-15')).key, '2024-02-15');
      assert.equal(previousPeriod(p('2024-03-30')).key, '2024-02-29');
    });

    it('finds the same period a year earlier', () => {
      assert.equal(yearEarlier(p('2023/24 Q4')).key, '2022/23 Q4');
      assert.equal(yearEarlier(p('2023/24 H2')).key, '2022/23 H2');
      assert.equal(yearEarlier(p('2023/24')).key, '2022/23');
      assert.equal(yearEarlier(p('2024-05')).key, '2023-05');
      assert.equal(yearEarlier(p('2024-03-31')).key, '2023-03-31');
      assert.equal(yearEarlier(p('2024-02-29')).key, '2023-02-28');
    });

    it('lists the last periods of a kind, oldest first', () => {
      assert.deepEqual(
        periodsEndingAt(p('2023/24 Q2'), 4).map((x) => x.key),
        ['2022/23 Q3', '2022/23 Q4', '2023/24 Q1', '2023/24 Q2'],
      );
      assert.deepEqual(
        periodsEndingAt(p('2024/25'), 3).map((x) => x.key),
        ['2022/23', '2023/24', '2024/25'],
      );
      assert.deepEqual(periodsEndingAt(p('2024-05'), 1), [p('2024-05')]);
      assert.deepEqual(periodsEndingAt(p('2024-05'), 0), []);
    });
  });

  describe('order and containment', () => {
    it('orders by end, then start', () => {
      const sorted = [
        p('2024-03'),
        p('2023/24'),
        p('2023/24 Q3'),
        p('2023/24 Q4'),
        p('2023/24 H2'),
        p('2024-03-31'),
      ]
        .sort(comparePeriods)
        .map((x) => x.key);
      assert.deepEqual(sorted, [
        '2023/24 Q3',
        '2023/24',
        '2023/24 H2',
        '2023/24 Q4',
        '2024-03',
        '2024-03-31',
      ]);
      assert.equal(comparePeriods(p('2023/24'), p('2023/2024')), 0);
    });

    it('knows a year contains its quarters, halves, months and dates', () => {
      const year = p('2023/24');
      for (const inner of [
        '2023/24 Q1',
        '2023/24 Q4',
        '2023/24 H2',
        '2023-04',
        '2024-03',
        '2024-03-31',
        '2023/24',
      ]) {
        assert.ok(periodContains(year, p(inner)), inner);
      }
      for (const outside of ['2024/25 Q1', '2023-03', '2024-04-01', '2022/23']) {
        assert.ok(!periodContains(year, p(outside)), outside);
      }
      assert.ok(periodContains(p('2023/24 H1'), p('2023/24 Q2')));
      assert.ok(!periodContains(p('2023/24 H1'), p('2023/24 Q3')));
      assert.ok(!periodContains(p('2023/24 Q4'), year));
    });
  });

  describe('periodFromEes', () => {
    it('maps a reporting year to the financial year ending in it', () => {
      assert.equal(periodFromEes('2025', 'Reporting year')?.key, '2024/25');
      assert.equal(periodFromEes('2013', 'Reporting year')?.key, '2012/13');
    });

    it('maps six-digit financial and academic years', () => {
      assert.equal(periodFromEes('202324', 'Financial year')?.key, '2023/24');
      assert.equal(periodFromEes('202324', 'Academic year')?.key, '2023/24');
      assert.equal(periodFromEes('199900', 'Financial year')?.key, '1999/00');
      assert.equal(periodFromEes('202325', 'Financial year'), undefined);
      assert.equal(periodFromEes('2023', 'Financial year'), undefined);
    });

    it('maps financial quarters and halves', () => {
      assert.equal(periodFromEes('202324', 'Financial year Q4')?.key, '2023/24 Q4');
      assert.equal(periodFromEes('202324', 'Financial year Q1')?.key, '2023/24 Q1');
      assert.equal(
        periodFromEes('202324', 'Financial year part 1 (April to September)')?.key,
        '2023/24 H1',
      );
      assert.equal(
        periodFromEes('202324', 'Financial year part 2 (October to March)')?.key,
        '2023/24 H2',
      );
      assert.equal(periodFromEes('2024', 'Financial year Q4'), undefined);
    });

    it('maps months, trimming and ignoring case', () => {
      assert.equal(periodFromEes('2024', 'January')?.key, '2024-01');
      assert.equal(periodFromEes(' 2024 ', ' december ')?.key, '2024-12');
      assert.equal(periodFromEes(' 2025', ' reporting  year ')?.key, '2024/25');
    });

    it('returns undefined for what it cannot map', () => {
      assert.equal(periodFromEes('2023', 'Calendar year'), undefined);
      assert.equal(periodFromEes('2023', 'Week 12'), undefined);
      assert.equal(periodFromEes('202324', 'Reporting year'), undefined);
      assert.equal(periodFromEes('', 'Reporting year'), undefined);
      assert.equal(periodFromEes('2024', 'Smarch'), undefined);
    });
  });
});

describe('periodFromEes on the real DfE files', () => {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dfeDir = process.env['SCORECARD_DFE_DIR'] ?? path.resolve(here, '../../shared/data/dfe');
  const files = [
    'c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv',
    'la_care_leavers_activity.csv',
    'la_cla_placement_stability.csv',
  ];

  for (const file of files) {
    it(`maps every time period of ${file}`, () => {
      const full = path.join(dfeDir, file);
      const rows = Papa.parse<Record<string, string>>(fs.readFileSync(full, 'utf8'), {
        delimiter: ',',
        header: true,
        skipEmptyLines: true,
      }).data;
      const keys = new Set<string>();
      for (const row of rows) {
        const period = periodFromEes(row['time_period'] ?? '', row['time_identifier'] ?? '');
        assert.ok(period, `${row['time_period']} ${row['time_identifier']}`);
        keys.add(period.key);
      }
      assert.ok(keys.has('2024/25'));
      assert.ok(!keys.has('2025/26'));
    });
  }
});
