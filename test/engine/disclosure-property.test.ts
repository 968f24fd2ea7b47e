import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { createEngine } from '../../src/engine/index.js';
import { tempDir } from '../data/helpers.js';
import { visible } from './public-text.js';

/**
 * Whatever figures a report shows and wherever it shows them, no suppressed count can be
 * worked out from the public export. Totals and their parts (`part_of`, nested or not),
 * small and large counts (some with decimals that print as small numbers) and count
 * benchmarks are scattered across sentences, cards, scorecards and charts; then the
 * public HTML alone is read as a reader would: every count it prints, and every count
 * that subtraction or addition gives from those (a total less its printed parts, parts
 * that add up to a hidden total). None may be a small number.
 *
 * Large counts are unique (100 to 999, never two alike), so a printed number says which
 * figure it is; small counts (1 to 5) must not be printed at all.
 */
const THRESHOLD = 5;
const PERIODS = ['2022/23', '2023/24'] as const;

interface Figure {
  readonly id: string;
  readonly partOf?: string;
  /** One value per period in PERIODS. */
  readonly values: readonly number[];
  /** A statistical neighbours count for the last period. */
  readonly benchmark?: number;
}

const small = fc.integer({ min: 1, max: THRESHOLD });
const count = fc.oneof(
  { weight: 2, arbitrary: small },
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: 100, max: 300 }) },
);

const fractional = fc.constantFrom(0.6, 2.4, 4.5, 5.4);

/** A total of 1 to 4 parts, and a few counts of their own. */
const dataArb = fc
  .record({
    groups: fc.array(fc.array(fc.tuple(count, count), { minLength: 1, maxLength: 4 }), {
      minLength: 1,
      maxLength: 3,
    }),
    // Counts of their own: some with decimals that print as small numbers (5.4 as 5), each
    // with a statistical neighbours benchmark, small or large.
    alone: fc.array(fc.tuple(fc.oneof(count, fractional), count, count), { maxLength: 3 }),
    nested: fc.boolean(),
  })
  .map(({ groups, alone, nested }) => {
    const figures: Figure[] = [];
    // Ids without digits, so that every number in the export is a figure or a period.
    const letter = (n: number) => String.fromCharCode(65 + n);
    // Nested: the totals are themselves the parts of a grand total.
    const grand = nested ? PERIODS.map(() => 0) : undefined;
    if (grand) figures.push({ id: 'ALL', values: grand });
    groups.forEach((parts, g) => {
      const id = `TOTAL-${letter(g)}`;
      const total = PERIODS.map((_, p) => parts.reduce((sum, part) => sum + part[p]!, 0));
      total.forEach((value, p) => {
        if (grand) grand[p] = (grand[p] ?? 0) + value;
      });
      figures.push({ id, values: total, ...(grand ? { partOf: 'ALL' } : {}) });
      parts.forEach((part, k) =>
        figures.push({ id: `${id}-${letter(k)}`, partOf: id, values: part }),
      );
    });
    alone.forEach(([first, second, benchmark], k) =>
      figures.push({ id: `COUNT-${letter(k)}`, values: [first, second], benchmark }),
    );
    return figures;
  })
  // A printed large count must name its figure: no two alike.
  .filter((figures) => {
    const large = figures.flatMap((f) =>
      [...f.values, f.benchmark ?? 0].filter((v) => v > THRESHOLD),
    );
    return new Set(large).size === large.length;
  });

type Place =
  | { readonly kind: 'sentence'; readonly id: number; readonly period: number }
  | { readonly kind: 'card'; readonly id: number; readonly period: number }
  | { readonly kind: 'scorecard'; readonly ids: readonly number[]; readonly period: number }
  | { readonly kind: 'chart'; readonly id: number }
  | { readonly kind: 'benchmark'; readonly id: number };

const at = fc.nat();
const placeArb: fc.Arbitrary<Place> = fc.oneof(
  fc.record({ kind: fc.constant('sentence' as const), id: at, period: fc.nat(1) }),
  fc.record({ kind: fc.constant('card' as const), id: at, period: fc.nat(1) }),
  fc.record({
    kind: fc.constant('scorecard' as const),
    ids: fc.array(at, { minLength: 1, maxLength: 5 }),
    period: fc.nat(1),
  }),
  fc.record({ kind: fc.constant('chart' as const), id: at }),
  fc.record({ kind: fc.constant('benchmark' as const), id: at }),
);

function dataFile(figures: readonly Figure[]): string {
  const lines = ['indicators:'];
  for (const f of figures) {
    lines.push(
      `  - id: ${f.id}`,
      `    title: Children counted under ${f.id.toLowerCase()}`,
      '    unit: count',
      '    polarity: none',
      ...(f.partOf ? [`    part_of: ${f.partOf}`] : []),
      '    values:',
      ...f.values.map((value, p) => `      - { period: ${PERIODS[p]}, value: ${value} }`),
      ...(f.benchmark === undefined
        ? []
        : [
            '    benchmarks:',
            `      - { comparator: Statistical neighbours, period: ${PERIODS[1]}, value: ${f.benchmark} }`,
          ]),
    );
  }
  return `${lines.join('\n')}\n`;
}

function report(figures: readonly Figure[], places: readonly Place[]): string {
  const id = (n: number) => figures[n % figures.length]!.id;
  const blocks = places
    // Charts are the slow part: two at most.
    .filter(
      (place, i) =>
        place.kind !== 'chart' || places.slice(0, i).filter((p) => p.kind === 'chart').length < 2,
    )
    .map((place) => {
      switch (place.kind) {
        case 'sentence':
          return `In ${PERIODS[place.period]} there were :value{id=${id(place.id)} period=${PERIODS[place.period]}} children.`;
        case 'card':
          return `::indicator{id=${id(place.id)} period=${PERIODS[place.period]}}`;
        case 'scorecard':
          return `::scorecard{ids="${[...new Set(place.ids.map(id))].join(',')}" period=${PERIODS[place.period]}}`;
        case 'chart':
          return `::chart{id=${id(place.id)} periods=2 benchmarks="Statistical neighbours"}`;
        case 'benchmark':
          return `Neighbours: :benchmark{id=${id(place.id)} vs="Statistical neighbours"}.`;
      }
    });
  return `---\ntitle: Property\nperiod: 2023/24\ndata: data.yaml\n---\n\n${blocks.join('\n\n')}\n`;
}

/**
 * The counts a reader finds: every number in the text and the attributes read out,
 * less a chart's axis ticks (the data table beneath prints each point), period labels,
 * the differences a change states between two printed figures ("up 12 from 140") and
 * the length of a trend ("over 2 years").
 */
function printedNumbers(html: string): number[] {
  const text = visible(html.replace(/<text\b[^>]*>[^<]*<\/text>/g, ' '))
    .replace(/\b\d{4}\/\d{2}\b/g, ' ')
    .replace(/\b(?:up|down) [\d,]+/g, ' ')
    .replace(/\bover \d+ (?:years|periods)\b/g, ' ');
  return [...text.matchAll(/\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?/g)].map((m) =>
    Number(m[0].replace(/,/g, '')),
  );
}

/** What a reader knows from the printed counts, and all that adding and subtracting gives. */
function derivable(figures: readonly Figure[], printed: ReadonlySet<number>): Map<string, number> {
  const known = new Map<string, number>();
  const key = (id: string, p: number) => `${id} ${PERIODS[p]}`;
  for (const f of figures) {
    f.values.forEach((value, p) => {
      if (value > THRESHOLD && printed.has(value)) known.set(key(f.id, p), value);
    });
  }
  const totals = figures.filter((f) => figures.some((part) => part.partOf === f.id));
  let changed = true;
  while (changed) {
    changed = false;
    for (const total of totals) {
      const parts = figures.filter((f) => f.partOf === total.id);
      if (parts.length === 0) continue;
      for (let p = 0; p < PERIODS.length; p++) {
        const unknown = parts.filter((part) => !known.has(key(part.id, p)));
        const sum = parts.reduce((s, part) => s + (known.get(key(part.id, p)) ?? 0), 0);
        const totalKnown = known.get(key(total.id, p));
        if (totalKnown !== undefined && unknown.length === 1) {
          known.set(key(unknown[0]!.id, p), totalKnown - sum);
          changed = true;
        } else if (totalKnown === undefined && unknown.length === 0) {
          known.set(key(total.id, p), sum);
          changed = true;
        } else if (totalKnown !== undefined && unknown.length > 1) {
          // The hidden parts together: a small sum names a few children too.
          known.set(`${total.id} hidden parts ${PERIODS[p]}`, totalKnown - sum);
        }
      }
    }
  }
  return known;
}

describe('no suppressed count can be worked out from the public export (property)', function () {
  this.timeout(600_000);
  let dir: string;
  before(() => {
    dir = tempDir();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints no small count, and leaves none to subtraction', async () => {
    const engine = createEngine();
    await fc.assert(
      fc.asyncProperty(
        dataArb,
        fc.array(placeArb, { minLength: 1, maxLength: 8 }),
        async (figures, places) => {
          writeFileSync(join(dir, 'data.yaml'), dataFile(figures));
          engine.invalidate(join(dir, 'data.yaml'));
          const result = await engine.render(report(figures, places), {
            path: join(dir, 'report.md'),
            mode: 'public',
            allowSmallNumbers: true,
          });
          const numbers = printedNumbers(result.body);
          const smallPrinted = numbers.filter((n) => n >= 1 && n <= THRESHOLD);
          assert.deepEqual(smallPrinted, [], 'a small count is printed');
          for (const [what, value] of derivable(figures, new Set(numbers))) {
            assert.ok(
              !(value >= 1 && value <= THRESHOLD),
              `${what} works out as ${value} from the public export`,
            );
          }
          // The same report warns in the preview wherever it suppresses in public.
          const suppressedSomewhere = result.messages.some((m) => m.ruleId === 'small-number');
          const hasSmall = figures.some((f) =>
            [...f.values, f.benchmark ?? 0].some((v) => v > 0 && Math.round(v) <= THRESHOLD),
          );
          if (!hasSmall) assert.equal(suppressedSomewhere, false);
        },
      ),
      { numRuns: 60 },
    );
  });
});
