import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parse as parseYaml } from 'yaml';
import { createEngine } from '../../src/engine/index.js';
import { DFE_DIR, SAMPLES, assertWellFormed, scratch } from './helpers.js';

/** One edit of the kind a slip in a spreadsheet or an editor makes, or an attacker tries. */
type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'truncate'; at: number };

const hostile = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    ',',
    '"',
    '\n',
    '\r\n',
    '\uFEFF',
    '\u0000',
    ': ',
    '- ',
    '{',
    '[',
    '&a',
    '*a',
    '!!js/function',
    '<<: *a',
    '<script>alert(1)</script>',
    '1e309',
    'NaN',
    '-0',
    '99999999999999999999',
    '2023/24 Q9',
    'c',
    '  ',
  ),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: hostile }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

function mutate(text: string, edits: readonly Mutation[]): string {
  let out = text;
  for (const edit of edits) {
    const at = out.length === 0 ? 0 : edit.at % out.length;
    if (edit.kind === 'delete') out = out.slice(0, at) + out.slice(at + edit.length);
    else if (edit.kind === 'insert') out = out.slice(0, at) + edit.text + out.slice(at);
    else if (edit.kind === 'truncate') out = out.slice(0, at);
    else {
      const start = out.lastIndexOf('\n', at) + 1;
      const end = out.indexOf('\n', at);
      const line = out.slice(start, end === -1 ? out.length : end + 1);
      out = out.slice(0, start) + line + line + out.slice(start);
    }
  }
  return out;
}

/** The EES rows a Haringey report uses, cut from the real DfE file (read in place). */
async function eesExcerpt(): Promise<string> {
  const text = await readFile(
    join(DFE_DIR, 'c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv'),
    'utf8',
  );
  const lines = text.split('\n');
  return [lines[0], ...lines.filter((line) => /,309,|,National,|,London,,/.test(line))].join('\n');
}

const EES_DATA = `sources:
  referrals: { ees: ees.csv, la: "309" }
indicators:
  - id: CIN-REREF
    title: Re-referrals within 12 months
    unit: percent
    decimals: 1
    polarity: lower
    counting_unit: referrals
    source: referrals
    value: rereferral_percent
    numerator: rereferral_count
    denominator: referral_count
    where: { category: Referrals and Re-referrals }
`;

const REPORT = `---
title: Fuzzed data
period: 2023/24 Q4
data: [data/indicators.yaml, data/indicators.json, data/ees.yaml]
---

::scorecard{ids="OP148,OP660,OP419,OP419I,CIN-REREF"}

:::indicator{id=OP148}
:value{id=OP148} :target{id=OP148} :rag{id=OP148} :change{id=OP148 compare=year}
:benchmark{id=OP148 vs=London}
:::

::chart{id=OP419I periods=8}

::chart{id=CIN-REREF periods=8 benchmarks="England,London"}
`;

describe('fuzzing data files (mutated YAML, JSON, CSV and EES)', function () {
  this.timeout(300_000);
  let folder: { dir: string; dispose(): Promise<void> };
  const originals = new Map<string, string>();

  before(async () => {
    folder = await scratch();
    const dataDir = join(folder.dir, 'data');
    await mkdir(dataDir);
    const yamlText = await readFile(join(SAMPLES, 'data', 'indicators.yaml'), 'utf8');
    // The JSON file holds other ids so both files contribute to the catalogue.
    const asJson = parseYaml(yamlText) as {
      indicators: { id: string; aliases?: unknown }[];
      include?: unknown;
    };
    delete asJson.include;
    for (const indicator of asJson.indicators) {
      indicator.id = `J${indicator.id}`;
      delete indicator.aliases;
    }
    originals.set('indicators.yaml', yamlText);
    originals.set('indicators.json', JSON.stringify(asJson, null, 2));
    originals.set(
      'missing-from-care.csv',
      await readFile(join(SAMPLES, 'data', 'missing-from-care.csv'), 'utf8'),
    );
    originals.set(
      'benchmarks.csv',
      await readFile(join(SAMPLES, 'data', 'benchmarks.csv'), 'utf8'),
    );
    originals.set('ees.yaml', EES_DATA);
    originals.set('ees.csv', await eesExcerpt());
    for (const [name, text] of originals) await writeFile(join(dataDir, name), text);
    await writeFile(join(folder.dir, 'report.md'), REPORT);
  });
  after(async () => {
    await folder?.dispose();
  });

  it('reads the unmutated files (so the mutations below hit real parsing)', async () => {
    const result = await createEngine().render(REPORT, { path: join(folder.dir, 'report.md') });
    assertWellFormed(result);
    if (result.refused) throw new Error(JSON.stringify(result.messages, null, 1));
  });

  for (const name of [
    'indicators.yaml',
    'indicators.json',
    'missing-from-care.csv',
    'benchmarks.csv',
    'ees.yaml',
    'ees.csv',
  ]) {
    it(`renders with a mutated ${name}: HTML and messages, never a throw`, async () => {
      const file = join(folder.dir, 'data', name);
      const original = originals.get(name) ?? '';
      try {
        await fc.assert(
          fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), async (edits) => {
            await writeFile(file, mutate(original, edits));
            // A new engine per run: the cache keys on mtime and size, which a quick edit may keep.
            const engine = createEngine();
            const path = join(folder.dir, 'report.md');
            for (const mode of ['preview', 'public'] as const) {
              assertWellFormed(await engine.render(REPORT, { path, mode }));
            }
          }),
          { numRuns: 60 },
        );
      } finally {
        await writeFile(file, original);
      }
    });
  }

  it('renders with data files that are not what they claim (binary, empty, wrong format)', async () => {
    const dataDir = join(folder.dir, 'data');
    const cases: [string, string | Uint8Array][] = [
      ['indicators.yaml', ''],
      ['indicators.yaml', new Uint8Array([0xff, 0xfe, 0x00, 0x01, 0x80, 0x81])],
      ['indicators.yaml', '{"indicators": 5}'],
      ['indicators.yaml', 'a: &a [*a, *a]\nb: *a\n'],
      ['indicators.yaml', stringify({ indicators: [{ id: { nested: true }, values: 'x' }] })],
      ['indicators.json', '{"indicators": [{"id": "X", "__proto__": {"polluted": true}}]}'],
      ['indicators.json', '['.repeat(5000)],
      ['missing-from-care.csv', '"unclosed\n'],
      ['ees.csv', 'time_period\n' + '"'.repeat(10)],
      ['ees.csv', ''],
    ];
    try {
      for (const [name, content] of cases) {
        await writeFile(join(dataDir, name), content);
        const engine = createEngine();
        assertWellFormed(await engine.render(REPORT, { path: join(folder.dir, 'report.md') }));
        await writeFile(join(dataDir, name), originals.get(name) ?? '');
      }
      if (({} as Record<string, unknown>)['polluted'] !== undefined)
        throw new Error('prototype polluted');
    } finally {
      for (const [name, text] of originals) await writeFile(join(dataDir, name), text);
    }
  });
});
