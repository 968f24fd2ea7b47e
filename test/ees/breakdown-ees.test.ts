/**
 * A breakdown read from a real DfE file (`category_column`), checked against the CSV
 * cells for authorities in London and outside it: `::breakdown` and `:value{category}`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../src/engine/index.js';
import { csvRows, DFE_DIR, FILES } from './dfe-files.js';
import { createNodeHost } from '../../src/engine/index.js';

const CATEGORIES = [
  'Total in education, employment or training',
  'Total not in education, employment or training',
  'Total information not known',
];

const data = (la: string, categories: boolean) =>
  `sources:\n  s:\n    ees: dfe:${FILES.careLeaversActivity}\n    la: ${JSON.stringify(la)}\n` +
  `indicators:\n  - id: ACT\n    title: Care leavers aged 19 to 21, by activity\n    unit: percent\n    polarity: none\n` +
  `    breakdown: activity\n    source: s\n    value: care_leaver_percent\n` +
  `    where: { care_leaver_age: 19 to 21 years }\n    category_column: breakdown\n` +
  (categories ? `    categories:\n${CATEGORIES.map((c) => `      - ${c}\n`).join('')}` : '');

async function render(la: string, body: string, categories = true) {
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-breakdown-'));
  writeFileSync(join(dir, 'data.yaml'), data(la, categories));
  const report = `---\ntitle: T\nperiod: 2024/25\ndata: data.yaml\n---\n\n${body}\n`;
  return createEngine({ host: createNodeHost({ dfeDataFolder: DFE_DIR }) }).render(report, {
    path: join(dir, 'report.md'),
    mode: 'exempt',
  });
}

/** The published cell, as a whole percentage (the indicator's decimals: 0), or its symbol. */
function cell(code: string, year: string, category: string): string {
  const row = csvRows(FILES.careLeaversActivity).find(
    (r) =>
      r.old_la_code === code &&
      r.time_period === year &&
      r.care_leaver_age === '19 to 21 years' &&
      r.breakdown === category,
  );
  assert.ok(row, `${code} ${year} ${category}`);
  const value = row.care_leaver_percent!;
  return /^\d/.test(value) ? `${Math.round(Number(value))}%` : value;
}

describe('a breakdown from a real DfE file', function () {
  this.timeout(120_000);
  for (const [name, code] of [
    ['Haringey', '309'],
    ['Barnet', '302'],
    ['Manchester', '352'],
    ['Cornwall', '908'],
  ] as const) {
    it(`${name}: ::breakdown and :value{category} show the CSV cells`, async () => {
      const result = await render(
        code,
        `NEET :value{id=ACT category="total not in education, employment or training"}.\n\n::breakdown{id=ACT}`,
      );
      assert.deepEqual(result.messages, []);
      const neet = /NEET <span class="sc-value">([^<]*)<\/span>/.exec(result.body)?.[1];
      assert.equal(neet, cell(code, '2025', CATEGORIES[1]!));
      const table = /<table class="sc-breakdown">.*?<\/table>/s.exec(result.body)?.[0] ?? '';
      const heads = [...table.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);
      assert.deepEqual(heads, ['Activity', '2022/23', '2023/24', '2024/25']);
      const rows = [...table.matchAll(/<tr><th scope="row">([^<]*)<\/th>(.*?)<\/tr>/g)];
      assert.deepEqual(
        rows.map((r) => r[1]),
        CATEGORIES,
      );
      for (const [i, row] of rows.entries()) {
        const shown = [...row[2]!.matchAll(/<span class="sc-value[^"]*">([^<]*)/g)].map(
          (m) => m[1],
        );
        const expected = ['2023', '2024', '2025'].map((year) => cell(code, year, CATEGORIES[i]!));
        // Symbols are shown in words; numbers exactly as the CSV (rounded to 0 decimals).
        shown.forEach((text, j) => {
          if (/%$/.test(expected[j]!)) assert.equal(text, expected[j], `${CATEGORIES[i]} ${j}`);
          // `k`: rounds to 0 but is not 0, said as such; any other symbol has no number.
          else if (expected[j] === 'k') assert.match(text ?? '', /^less than 0\.5%/);
          else assert.doesNotMatch(text ?? '', /\d/);
        });
      }
    });
  }

  it('reads every category the column has when categories: is not given', async () => {
    const result = await render('309', '::breakdown{id=ACT periods=1}', false);
    assert.deepEqual(result.messages, []);
    const expected = new Set(
      csvRows(FILES.careLeaversActivity)
        .filter((r) => r.old_la_code === '309' && r.care_leaver_age === '19 to 21 years')
        .map((r) => r.breakdown),
    );
    const rows = [...result.body.matchAll(/<tr><th scope="row">([^<]*)<\/th>/g)].map((m) => m[1]);
    assert.deepEqual(new Set(rows), expected);
  });
});
