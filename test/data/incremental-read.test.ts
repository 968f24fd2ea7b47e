import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { dataYaml, indicatorId, reportMarkdown } from '../../bench/generate.js';
import schema from '../../schema/scorecard-data.schema.json' with { type: 'json' };
import { buildCatalogue } from '../../src/engine/data/build-catalogue.js';
import type { BuiltIndicator } from '../../src/engine/data/build-catalogue.js';
import { DataCache } from '../../src/engine/data/cache.js';
import { DocumentMemo } from '../../src/engine/data/document-memo.js';
import type { DataFileContent, IndicatorDraft } from '../../src/engine/data/drafts.js';
import { loadCatalogue } from '../../src/engine/data/load-catalogue.js';
import { readDataDocument } from '../../src/engine/data/read-data-document.js';
import { readPlainYaml } from '../../src/engine/data/read-plain-yaml.js';
import type { PathSegment } from '../../src/engine/data/read-structured.js';
import { createEngine, createMemoryHost, createNodeHost } from '../../src/engine/index.js';
import { DFE_DIR } from '../ees/dfe-files.js';
import { HARINGEY, HEADER, row } from '../ees/temp-csv.js';
import { tempDir } from './helpers.js';
import { REPOSITORY_YAML_FILES } from './yaml-documents.js';

const FILE = '/d/data.yaml';

/** RUNS=5000 for a longer search than the suite's. */
const runsOr = (runs: number): number => Number(process.env['RUNS'] ?? runs);

/** Real data files: the samples', the fixtures' and the benchmark's (smaller, same shape). */
const DATA_FILES: readonly string[] = [
  ...REPOSITORY_YAML_FILES.map((name) => readFileSync(name, 'utf8')),
  dataYaml(8),
];

/** Text written into a file by an edit: the pieces that move item boundaries and styles. */
const SNIPPETS = [
  ...['', '\n', '\n\n', ' ', '  ', '    ', '- ', '-', '#', ' # note', '# comment\n', ':', ': '],
  ...[',', '{', '}', '[', ']', '{ ', ' }', '"', "'", '&a ', '*a', '!!str ', '|\n', '>-\n'],
  ...['\t', '\r', '---\n', '...\n', 'x', '0', '7', '12.5', '-3', 'null', '~', 'true', 'é'],
  ...['indicators:\n', 'comparators: [England]\n', 'small_number_threshold: 3\n', 'id: '],
  ...['  - id: NEW1\n    title: New\n    unit: count\n    polarity: none\n', 'value: '],
  ...['2023/25', '2023/24 Q4', '__proto__: 1\n', 'values:\n', '  - ', '\n  - id: X\n'],
  ...['include: [more.yaml]\n', 'sources:\n  s: { ees: a.csv, la: 309 }\n', 'unit: percent'],
];

/** One edit, its numbers taken modulo the text's size when applied. */
const edit = fc.record({
  kind: fc.integer({ min: 0, max: 8 }),
  a: fc.nat(),
  b: fc.nat(),
  c: fc.nat(),
  snippet: fc.constantFrom(...SNIPPETS),
});
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(text: string, e: Edit): string {
  const lines = text.split('\n');
  const line = e.a % lines.length;
  const other = e.b % lines.length;
  const lineText = lines[line] ?? '';
  const at = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0);
  const column = e.b % (lineText.length + 1);
  switch (e.kind) {
    case 0: {
      // Replace a few characters, on one line or across lines.
      const from = at + column;
      return text.slice(0, from) + e.snippet + text.slice(from + (e.c % 24));
    }
    case 1: {
      // A number somewhere changed for another, the commonest edit.
      const numbers = [...text.matchAll(/\d+(?:\.\d+)?/g)];
      const found = numbers[e.a % Math.max(numbers.length, 1)];
      if (!found) return text;
      const written = String(e.c % 3 === 0 ? e.c % 10 : (e.c % 2000) / 10);
      return text.slice(0, found.index) + written + text.slice(found.index + found[0].length);
    }
    case 2:
      return without(lines, line).join('\n');
    case 3:
      return [...lines.slice(0, line + 1), lineText, ...lines.slice(line + 1)].join('\n');
    case 4: {
      // A line moved elsewhere.
      const rest = without(lines, line);
      return [...rest.slice(0, other), lineText, ...rest.slice(other)].join('\n');
    }
    case 5:
      lines[line] = ' '.repeat(1 + (e.c % 4)) + lineText;
      return lines.join('\n');
    case 6:
      lines[line] = lineText.replace(/^ {1,2}/, '');
      return lines.join('\n');
    case 7: {
      // A run of lines copied elsewhere: a whole entry, or parts of two.
      const count = 1 + (e.c % 30);
      const block = lines.slice(line, line + count);
      return [...lines.slice(0, other), ...block, ...lines.slice(other)].join('\n');
    }
    default: {
      // A run of lines deleted.
      const count = 1 + (e.c % 30);
      return [...lines.slice(0, line), ...lines.slice(line + count)].join('\n');
    }
  }
}

function without<T>(items: readonly T[], index: number): T[] {
  return [...items.slice(0, index), ...items.slice(index + 1)];
}

/** Every node's path, and beside each the paths answered with a nearest ancestor. */
function probes(value: unknown, at: PathSegment[] = []): PathSegment[][] {
  const here: PathSegment[][] = [at, [...at, 'no-such-key'], [...at, 999]];
  if (Array.isArray(value)) return here.concat(...value.map((item, i) => probes(item, [...at, i])));
  if (value !== null && typeof value === 'object') {
    return here.concat(...Object.entries(value).map(([key, child]) => probes(child, [...at, key])));
  }
  return here;
}

/** The quick reader with the memo must read exactly as without it: data and every place. */
function sameReading(text: string, memo: DocumentMemo): void {
  const withMemo = readPlainYaml(text, FILE, memo.plain);
  const alone = readPlainYaml(text, FILE);
  assert.equal(withMemo === undefined, alone === undefined, 'both read it or neither');
  if (!withMemo || !alone) return;
  assert.deepStrictEqual(withMemo.data, alone.data);
  for (const at of probes(alone.data)) {
    assert.deepStrictEqual(withMemo.placeOf(at), alone.placeOf(at), JSON.stringify(at));
    const key = at.at(-1);
    if (typeof key === 'string') {
      const parent = at.slice(0, -1);
      assert.deepStrictEqual(withMemo.placeOfKey(parent, key), alone.placeOfKey(parent, key));
    }
  }
}

function catalogueOf(
  content: DataFileContent,
  memo?: WeakMap<IndicatorDraft, BuiltIndicator>,
): ReturnType<typeof buildCatalogue> {
  return buildCatalogue({
    structured: [content],
    csv: [],
    ees: [],
    smallNumberThreshold: 5,
    files: [FILE],
    ...(memo ? { memo } : {}),
  });
}

describe('data: reading a data file again after an edit', () => {
  it('gives exactly what a full read gives, for random edits of real data files', () => {
    let reused = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: DATA_FILES.length - 1 }),
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        (which, edits) => {
          runs++;
          let text = DATA_FILES[which] ?? '';
          const memo = new DocumentMemo();
          const built = new WeakMap<IndicatorDraft, BuiltIndicator>();
          catalogueOf(readDataDocument(text, FILE, memo), built);
          for (const e of edits) {
            text = applyEdit(text, e);
            const before = memo.plain.reused;
            const incremental = readDataDocument(text, FILE, memo);
            if (memo.plain.reused > before) reused++;
            const full = readDataDocument(text, FILE);
            assert.deepStrictEqual(incremental, full, JSON.stringify(text));
            assert.deepStrictEqual(catalogueOf(incremental, built), catalogueOf(full));
            sameReading(text, new DocumentMemo());
          }
        },
      ),
      { numRuns: runsOr(300) },
    );
    // The property must not hold merely because nothing was ever given back.
    assert.ok(reused > runs * 0.4, `entries were given back in only ${reused} of ${runs} runs`);
  });

  it('reads every place the same with the memo as without, after random edits', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: DATA_FILES.length - 1 }),
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        (which, edits) => {
          let text = DATA_FILES[which] ?? '';
          const memo = new DocumentMemo();
          readPlainYaml(text, FILE, memo.plain);
          for (const e of edits) {
            text = applyEdit(text, e);
            sameReading(text, memo);
          }
        },
      ),
      { numRuns: runsOr(150) },
    );
  });

  it('parses and builds only the changed entry; the others come back as the same objects', () => {
    const text = dataYaml(100);
    const memo = new DocumentMemo();
    const built = new WeakMap<IndicatorDraft, BuiltIndicator>();
    const first = readDataDocument(text, FILE, memo);
    const firstCatalogue = catalogueOf(first, built).catalogue;
    const id = indicatorId(50);
    const anchor = text.indexOf('2023/24 Q4, value: ', text.indexOf(`id: ${id}`)) + 19;
    const changed = `${text.slice(0, anchor)}1${text.slice(anchor)}`;
    const readBefore = memo.plain.read;
    const second = readDataDocument(changed, FILE, memo);
    assert.equal(memo.plain.read - readBefore, 1, 'one entry parsed');
    assert.deepStrictEqual(second, readDataDocument(changed, FILE));
    const secondCatalogue = catalogueOf(second, built).catalogue;
    for (const [index, draft] of second.indicators.entries()) {
      const same = draft === first.indicators[index];
      assert.equal(same, draft.id !== id, draft.id);
      const indicator = secondCatalogue.indicators.get(draft.id);
      assert.equal(indicator === firstCatalogue.indicators.get(draft.id), draft.id !== id);
    }

    // A line added moves the entries below it: they are given back parsed, and built again
    // with their new places; the ones above stay the same objects.
    const lineAdded = changed.replace(`id: ${id}\n`, `id: ${id}\n    # a comment\n`);
    const third = readDataDocument(lineAdded, FILE, memo);
    assert.equal(memo.plain.read - readBefore, 2, 'one more entry parsed');
    assert.deepStrictEqual(third, readDataDocument(lineAdded, FILE));
    for (const [index, draft] of third.indicators.entries()) {
      assert.equal(draft === second.indicators[index], index < 50, draft.id);
    }
  });

  it('relies on a schema whose root relates no field or entry to another', () => {
    // validateDataWithMemo checks entries one at a time; that is the full check only while
    // the root and its `indicators` look like this.
    const root = schema as Record<string, unknown>;
    assert.deepEqual(Object.keys(root).sort(), [
      '$id',
      '$schema',
      'additionalProperties',
      'definitions',
      'description',
      'properties',
      'title',
      'type',
    ]);
    const indicators = (root['properties'] as Record<string, Record<string, unknown>>)[
      'indicators'
    ];
    assert.deepEqual(Object.keys(indicators ?? {}).sort(), ['description', 'items', 'type']);
    assert.deepEqual(indicators?.['items'], { $ref: '#/definitions/indicator' });
  });

  it('gives the same catalogue through the engine cache, with CSV files read as before', async () => {
    const root = resolve('/scorecard-incremental-read-test');
    const yamlPath = join(root, 'data.yaml');
    const csvPath = join(root, 'more.csv');
    const yaml = (value: number) =>
      `include: [more.csv]\n${dataYaml(6).replace('2023/24 Q4, value: ', `2023/24 Q4, value: ${value}`)}`;
    const csv = (value: number) =>
      `indicator,period,value\n${indicatorId(2)},2024/25 Q1,${value}\n${indicatorId(9)},2024/25 Q1,3\n`;
    const host = createMemoryHost({ [yamlPath]: yaml(1), [csvPath]: csv(40) });
    const policy = { reportDir: root, allowedRoots: [], host };
    const place = { file: join(root, 'report.md'), line: 1, column: 1 };
    const cache = new DataCache(host);
    const load = (withCache: boolean) =>
      loadCatalogue([{ path: 'data.yaml', place }], policy, {
        smallNumberThreshold: 5,
        ...(withCache ? { cache } : {}),
      });
    const first = await load(true);
    assert.deepStrictEqual(first, await load(false));
    for (const [yamlValue, csvValue] of [
      [2, 40],
      [2, 41],
      [3, 42],
    ] as const) {
      host.write(yamlPath, yaml(yamlValue));
      host.write(csvPath, csv(csvValue));
      cache.invalidate(yamlPath);
      cache.invalidate(csvPath);
      const again = await load(true);
      assert.deepStrictEqual(again, await load(false));
      assert.ok(
        again.messages.some((m) => m.ruleId === 'unknown-indicator'),
        'CSV row read',
      );
      const changed = again.catalogue.indicators.get(indicatorId(2));
      assert.equal(changed?.values.at(-1)?.value, csvValue);
      // The indicators the edits did not touch are the same objects.
      const untouched = indicatorId(3);
      assert.equal(
        again.catalogue.indicators.get(untouched),
        first.catalogue.indicators.get(untouched),
      );
    }
  });

  it('renders after a data change exactly as a new engine renders the changed data', async function () {
    this.timeout(120_000);
    const root = resolve('/scorecard-incremental-render-test');
    const reportPath = join(root, 'report.md');
    const dataPath = join(root, 'data', 'indicators.yaml');
    const report = reportMarkdown(6);
    const original = dataYaml(6);
    const at = original.indexOf('2023/24 Q4, value: ', original.indexOf(`id: ${indicatorId(3)}`));
    const edits = [
      // A value, the commonest change.
      `${original.slice(0, at + 19)}9${original.slice(at + 19)}`,
      // A line added in one entry moves the ones below it.
      original.replace(`id: ${indicatorId(2)}\n`, `id: ${indicatorId(2)}\n    # new\n`),
      // An entry's period made invalid, then one entry removed whole.
      original.replace('2023/24 Q4, value', '2023/25 Q4, value'),
      original.replace('polarity: higher', 'polarity: up'),
      original.replace(/ {2}- id: BM0002\n(?: {4}.*\n)*/, ''),
      // YAML the quick reader leaves to the yaml package, then the file as it was.
      original.replace('unit: percent', 'unit: &u percent'),
      original,
    ];
    const host = createMemoryHost({ [reportPath]: report, [dataPath]: original });
    const engine = createEngine({ host });
    await engine.render(report, { path: reportPath });
    for (const text of edits) {
      host.write(dataPath, text);
      engine.invalidate(dataPath);
      const again = await engine.render(report, { path: reportPath });
      const fresh = await createEngine({ host }).render(report, { path: reportPath });
      assert.equal(again.body, fresh.body);
      assert.deepStrictEqual(again.messages, fresh.messages);
    }
  });

  it('gives back the series of EES sources that did not change, and the same catalogue as a full load', async function () {
    this.timeout(120_000);
    const dir = tempDir();
    const dataPath = join(dir, 'haringey-dfe.yaml');
    const original = readFileSync('samples/dfe/data/haringey-dfe.yaml', 'utf8');
    const host = createNodeHost();
    const cache = new DataCache(host);
    const policy = { reportDir: dir, allowedRoots: [], host };
    const place = { file: join(dir, 'report.md'), line: 1, column: 1 };
    const load = (withCache: boolean) =>
      loadCatalogue([{ path: 'haringey-dfe.yaml', place }], policy, {
        smallNumberThreshold: 5,
        dfeDir: DFE_DIR,
        ...(withCache ? { cache } : {}),
      });
    writeFileSync(dataPath, original);
    const first = await load(true);
    assert.ok(first.catalogue.indicators.get('CL-EET')?.values.length, 'EES values read');
    const edits = [
      // A title: every series is given back, and every other indicator is the same object.
      { text: original.replace('title: Re-referrals', 'title: Repeat referrals'), kept: 4 },
      // Another way to name the same authority: the referrals source is imported again.
      {
        text: original.replace("la: '309'\n    neighbours", 'la: Haringey\n    neighbours'),
        kept: 4,
      },
      // An authority the file does not have.
      { text: original.replace("la: '309'\n    neighbours", "la: '999'\n    neighbours"), kept: 4 },
      { text: original, kept: 4 },
    ];
    let last = first;
    for (const { text, kept } of edits) {
      writeFileSync(dataPath, text);
      cache.invalidate(dataPath);
      const again = await load(true);
      assert.deepStrictEqual(again, await load(false));
      const same = [...again.catalogue.indicators].filter(
        ([id, indicator]) => last.catalogue.indicators.get(id) === indicator,
      );
      assert.equal(same.length, kept, same.map(([id]) => id).join(' '));
      last = again;
    }
  });

  it('imports a source again when its EES file changes', async () => {
    const root = resolve('/scorecard-incremental-ees-test');
    const csvPath = join(root, 'x.csv');
    const csv = (pct: string) =>
      [HEADER, row({ ...HARINGEY, pct })].map((cells) => cells.join(',')).join('\n');
    const yamlPath = join(root, 'data.yaml');
    const yaml =
      `sources:\n  s:\n    ees: x.csv\n    la: '309'\n` +
      `indicators:\n  - id: A\n    title: A\n    unit: percent\n    polarity: higher\n    source: s\n    value: pct\n` +
      `  - id: B\n    title: B\n    unit: count\n    polarity: none\n    values: [{ period: 2024/25, value: 3 }]\n`;
    const host = createMemoryHost({ [csvPath]: csv('41'), [yamlPath]: yaml });
    const cache = new DataCache(host);
    const load = (withCache: boolean) =>
      loadCatalogue(
        [{ path: 'data.yaml', place: { file: join(root, 'r.md'), line: 1, column: 1 } }],
        { reportDir: root, allowedRoots: [], host },
        { smallNumberThreshold: 5, ...(withCache ? { cache } : {}) },
      );
    const first = await load(true);
    assert.equal(first.catalogue.indicators.get('A')?.values[0]?.value, 41);
    host.write(csvPath, csv('43'));
    const again = await load(true);
    assert.deepStrictEqual(again, await load(false));
    assert.equal(again.catalogue.indicators.get('A')?.values[0]?.value, 43);
    assert.equal(again.catalogue.indicators.get('B'), first.catalogue.indicators.get('B'));
  });
});
