/**
 * `:rank` and `:quartile` on the real DfE files, checked against the CSV cells read
 * here independently (Papa Parse into objects, plain arithmetic), for authorities in
 * London and outside it, among England, their region and their statistical neighbours.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../src/engine/index.js';
import { csvRows, DFE_DIR, FILES, REPO, type CsvRow } from './dfe-files.js';
import { createNodeHost } from '../../src/engine/index.js';

interface Measure {
  readonly id: string;
  readonly file: string;
  readonly polarity: 'higher' | 'lower';
  readonly column: string;
  readonly where: Readonly<Record<string, string>>;
  readonly yaml: string;
}

const MEASURES: readonly Measure[] = [
  {
    id: 'CIN-REREF',
    file: FILES.referrals,
    polarity: 'lower',
    column: 'rereferral_percent',
    where: { category: 'Referrals and Re-referrals' },
    yaml: `    source: s_${'referrals'}\n    value: rereferral_percent\n    where: { category: Referrals and Re-referrals }\n`,
  },
  {
    id: 'CL-EET',
    file: FILES.careLeaversActivity,
    polarity: 'higher',
    column: 'care_leaver_percent',
    where: {
      care_leaver_age: '19 to 21 years',
      breakdown: 'Total in education, employment or training',
    },
    yaml: `    source: s_activity\n    value: care_leaver_percent\n    where: { care_leaver_age: 19 to 21 years, breakdown: 'Total in education, employment or training' }\n`,
  },
];

function dataFile(la: string): string {
  const source = (name: string, file: string) =>
    `  ${name}:\n    ees: dfe:${file}\n    la: ${JSON.stringify(la)}\n    neighbours: dfe:${FILES.neighbours}\n`;
  return (
    `sources:\n${source('s_referrals', FILES.referrals)}${source('s_activity', FILES.careLeaversActivity)}` +
    `indicators:\n` +
    MEASURES.map(
      (m) =>
        `  - id: ${m.id}\n    title: ${m.id}\n    unit: percent\n    polarity: ${m.polarity}\n${m.yaml}`,
    ).join('')
  );
}

/** The latest reporting year's rows of every authority for a measure, as published. */
function laRows(measure: Measure): CsvRow[] {
  const rows = csvRows(measure.file).filter(
    (r) =>
      r.geographic_level === 'Local authority' &&
      r.time_period === '2025' &&
      Object.entries(measure.where).every(([k, v]) => r[k] === v),
  );
  // One figure per authority, the first row, as the importer reads it.
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.old_la_code!) && seen.add(r.old_la_code!));
}

const regionOf = (r: CsvRow): string =>
  r.region_code!.startsWith('E13') ? 'E12000007' : r.region_code!;

function quantile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

const ORD = (n: number) =>
  n % 100 >= 11 && n % 100 <= 13 ? `${n}th` : `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
const BAND_WORDS = { A: 'first', B: 'second', C: 'third', D: 'fourth' } as const;

/** Expected `:rank` and `:quartile` words, from the cells. */
function expected(measure: Measure, code: string, members: (r: CsvRow) => boolean, words: string) {
  const group = laRows(measure).filter(members);
  const numbers = group
    .map((r) => r[measure.column]!)
    .filter((v) => /^-?\d/.test(v))
    .map(Number);
  const mine = Number(group.find((r) => r.old_la_code === code)![measure.column]);
  const better = numbers.filter((v) => (measure.polarity === 'higher' ? v > mine : v < mine));
  const tied = numbers.filter((v) => v === mine).length > 1;
  const sorted = [...numbers].sort((a, b) => a - b);
  const [q1, q2, q3] = [0.25, 0.5, 0.75].map((p) => quantile(sorted, p)) as [
    number,
    number,
    number,
  ];
  const band =
    measure.polarity === 'lower'
      ? mine <= q1
        ? 'A'
        : mine <= q2
          ? 'B'
          : mine <= q3
            ? 'C'
            : 'D'
      : mine > q3
        ? 'A'
        : mine > q2
          ? 'B'
          : mine > q1
            ? 'C'
            : 'D';
  return {
    rank: `${ORD(better.length + 1)}${tied ? '=' : ''} of ${numbers.length} ${words}`,
    quartile: `${BAND_WORDS[band]} quartile (${band}) of ${numbers.length} ${words}`,
    tied,
  };
}

function neighboursOf(code: string): string[] {
  const row = csvRows(FILES.neighbours).find((r) => r.old_la_code === code)!;
  return Array.from({ length: 10 }, (_, i) => row[`SN_${i + 1}`]!.trim());
}

async function render(la: string, body: string) {
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-rank-'));
  writeFileSync(join(dir, 'data.yaml'), dataFile(la));
  const report = `---\ntitle: T\nperiod: 2024/25\ndata: data.yaml\n---\n\n${body}\n`;
  writeFileSync(join(dir, 'report.md'), report);
  const result = await createEngine({ host: createNodeHost({ dfeDataFolder: DFE_DIR }) }).render(
    report,
    {
      path: join(dir, 'report.md'),
      mode: 'exempt',
    },
  );
  return {
    messages: result.messages,
    spans: [...result.body.matchAll(/<span class="sc-(?:rank|quartile)">([^<]*)<\/span>/g)].map(
      (m) => m[1],
    ),
  };
}

const AUTHORITIES = [
  { name: 'Haringey', code: '309', region: 'London' },
  { name: 'Barnet', code: '302', region: 'London' },
  { name: 'Manchester', code: '352', region: 'North West' },
  { name: 'Cornwall', code: '908', region: 'South West' },
  { name: 'Leeds', code: '383', region: 'Yorkshire and The Humber' },
] as const;

describe('rank and quartile on the real DfE files', function () {
  this.timeout(120_000);
  for (const authority of AUTHORITIES) {
    it(`${authority.name}: among England, ${authority.region} and its statistical neighbours`, async () => {
      const laRow = laRows(MEASURES[0]!).find((r) => r.old_la_code === authority.code)!;
      const neighbours = new Set([authority.code, ...neighboursOf(authority.code)]);
      const groups = [
        { vs: 'England', members: () => true, words: 'local authorities in England' },
        {
          vs: authority.region,
          members: (r: CsvRow) => regionOf(r) === regionOf(laRow),
          words: `${authority.region} authorities`,
        },
        {
          vs: 'Statistical neighbours',
          members: (r: CsvRow) => neighbours.has(r.old_la_code!),
          words: `authorities in ${authority.name}'s statistical neighbour group`,
        },
      ];
      const body = MEASURES.flatMap((m) =>
        groups.map((g) => `:rank{id=${m.id} vs="${g.vs}"} / :quartile{id=${m.id} vs="${g.vs}"}`),
      ).join('\n\n');
      const { messages, spans } = await render(authority.code, body);
      assert.deepEqual(messages, []);
      const want = MEASURES.flatMap((m) =>
        groups.flatMap((g) => {
          const e = expected(m, authority.code, g.members, g.words);
          return [e.rank, e.quartile];
        }),
      );
      assert.deepEqual(spans, want);
    });
  }

  it('gives tied authorities the same rank, marked =', async () => {
    const measure = MEASURES[0]!;
    const rows = laRows(measure);
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r[measure.column]!, (counts.get(r[measure.column]!) ?? 0) + 1);
    const tied = rows.filter(
      (r) => /^\d/.test(r[measure.column]!) && counts.get(r[measure.column]!)! > 1,
    );
    assert.ok(tied.length >= 2, 'the file has tied figures');
    for (const r of tied.slice(0, 2)) {
      const e = expected(measure, r.old_la_code!, () => true, 'local authorities in England');
      assert.ok(e.tied);
      const { spans } = await render(r.old_la_code!, `:rank{id=${measure.id} vs=England}`);
      assert.deepEqual(spans, [e.rank]);
      assert.match(e.rank, /^\d+(st|nd|rd|th)= of /);
    }
  });

  it('London covers Inner and Outer London boroughs (33 in all where each has a figure)', () => {
    const london = laRows(MEASURES[0]!).filter((r) => regionOf(r) === 'E12000007');
    assert.ok(london.some((r) => r.region_name === 'Inner London'));
    assert.ok(london.some((r) => r.region_name === 'Outer London'));
  });

  it('adds rank columns to a scorecard and rank lines to a card (rank="London")', async () => {
    const measure = MEASURES[0]!;
    const london = (r: CsvRow) => regionOf(r) === 'E12000007';
    const e = expected(measure, '309', london, 'London authorities');
    const dir = mkdtempSync(join(tmpdir(), 'scorecard-rank-'));
    writeFileSync(join(dir, 'data.yaml'), dataFile('309'));
    const report =
      '---\ntitle: T\nperiod: 2024/25\ndata: data.yaml\n---\n\n' +
      `::scorecard{ids="${measure.id}" rank="London,England"}\n\n::indicator{id=${measure.id} rank=London}\n`;
    const result = await createEngine({ host: createNodeHost({ dfeDataFolder: DFE_DIR }) }).render(
      report,
      {
        path: join(dir, 'report.md'),
        mode: 'exempt',
      },
    );
    assert.deepEqual(result.messages, []);
    assert.match(
      result.body,
      /<th scope="col">Rank among London<\/th><th scope="col">Rank among England<\/th>/,
    );
    const cell = `${e.rank.replace(' London authorities', '')}, ${e.quartile.replace(/ of .*/, '')}`;
    assert.equal(result.body.split(`<span class="sc-rank">${cell}</span>`).length - 1, 2, cell);
    assert.match(result.body, /<dt>Rank among London<\/dt>/);
  });

  it('gives no-rank where a rank cannot be computed, saying why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scorecard-rank-'));
    writeFileSync(
      join(dir, 'data.yaml'),
      dataFile('309') +
        '  - id: FLAT\n    title: Flat\n    unit: percent\n    polarity: none\n    source: s_referrals\n    value: rereferral_percent\n    where: { category: Referrals and Re-referrals }\n' +
        '  - id: LOCAL\n    title: Local\n    unit: percent\n    polarity: higher\n    values: [{ period: 2024/25, value: 4 }]\n',
    );
    const report =
      '---\ntitle: T\nperiod: 2024/25\ndata: data.yaml\n---\n\n' +
      ':rank{id=FLAT vs=England} :quartile{id=LOCAL vs=England} :rank{id=CIN-REREF vs="North West"}\n';
    const result = await createEngine({ host: createNodeHost({ dfeDataFolder: DFE_DIR }) }).render(
      report,
      {
        path: join(dir, 'report.md'),
      },
    );
    assert.deepEqual(
      result.messages.map((m) => [m.ruleId, m.severity, m.line, m.column]),
      [
        ['no-rank', 'warning', 7, 1],
        ['no-rank', 'warning', 7, 27],
        ['no-rank', 'warning', 7, 58],
      ],
    );
    assert.match(result.messages[0]!.reason, /polarity is none/);
    assert.match(result.messages[1]!.reason, /published-statistics source/);
    assert.match(
      result.messages[2]!.reason,
      /ranked among England, London, Statistical neighbours/,
    );
    assert.deepEqual(result.messages[2]!.suggestions, [
      'England',
      'London',
      'Statistical neighbours',
    ]);
    assert.match(result.body, /no rank.*no quartile.*no rank/s);
  });

  it('the DfE sample report ranks Haringey as the CSV cells say', async () => {
    const sample = join(REPO, 'samples', 'dfe', 'haringey-published-statistics.md');
    const result = await createEngine({ host: createNodeHost({ dfeDataFolder: DFE_DIR }) }).render(
      readFileSync(sample, 'utf8'),
      { path: sample, mode: 'public' },
    );
    assert.deepEqual(result.messages, []);
    const spans = [
      ...result.body.matchAll(/<span class="sc-(?:rank|quartile)">([^<]*)<\/span>/g),
    ].map((m) => m[1]);
    const [referrals, activity] = MEASURES as [Measure, Measure];
    const london = (r: CsvRow) => regionOf(r) === 'E12000007';
    const neighbours = new Set(['309', ...neighboursOf('309')]);
    const r = (m: Measure, members: (row: CsvRow) => boolean, words: string) =>
      expected(m, '309', members, words);
    const ldn = r(referrals, london, 'London authorities');
    const eng = r(referrals, () => true, 'local authorities in England');
    const sn = r(
      referrals,
      (row) => neighbours.has(row.old_la_code!),
      "authorities in Haringey's statistical neighbour group",
    );
    const cell = (e: { rank: string; quartile: string }) =>
      `${e.rank.replace(/ (London|local) .*$/, '')}, ${e.quartile.replace(/ of .*/, '')}`;
    assert.equal(spans[0], cell(ldn), 'scorecard cell, London');
    assert.equal(spans[1], cell(eng), 'scorecard cell, England');
    assert.ok(spans.includes(ldn.rank) && spans.includes(ldn.quartile));
    assert.ok(spans.includes(eng.rank) && spans.includes(eng.quartile));
    assert.ok(spans.includes(sn.rank));
    assert.ok(spans.includes(r(activity, london, 'London authorities').rank));
    assert.ok(spans.includes(r(activity, () => true, 'local authorities in England').quartile));
  });
});
