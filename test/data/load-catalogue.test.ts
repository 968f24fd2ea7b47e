import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DataCache } from '../../src/engine/data/cache.js';
import type { EesImporter } from '../../src/engine/data/ees-sources.js';
import { loadCatalogue } from '../../src/engine/data/load-catalogue.js';
import type { Catalogue } from '../../src/engine/types.js';
import { brief, fixtures, reportPlace, tempDir, writeFiles } from './helpers.js';
import { createNodeHost } from '../../src/engine/index.js';

const options = { smallNumberThreshold: 5 };

async function load(
  dir: string,
  data: string | string[],
  extra: Partial<Parameters<typeof loadCatalogue>[2]> = {},
) {
  const paths = (Array.isArray(data) ? data : [data]).map((p) => ({
    path: p,
    place: reportPlace(dir),
  }));
  return loadCatalogue(
    paths,
    { reportDir: dir, allowedRoots: [], host: createNodeHost() },
    { ...options, ...extra },
  );
}

/** The catalogue without source places, which differ between YAML and JSON. */
function shape(catalogue: Catalogue): unknown {
  return JSON.parse(
    JSON.stringify(
      {
        indicators: [...catalogue.indicators.values()],
        lookup: [...catalogue.lookup],
        comparators: catalogue.comparators,
        threshold: catalogue.smallNumberThreshold,
      },
      (key, value: unknown) => (key === 'source' ? undefined : value),
    ),
  );
}

const indicator = (id: string, extra = ''): string =>
  `  - id: ${id}\n    title: ${id} title\n    unit: percent\n    polarity: higher\n${extra}`;

describe('data: loadCatalogue', () => {
  const good = path.join(fixtures, 'good');

  it('builds the catalogue from YAML with its CSV includes', async () => {
    const { catalogue, messages } = await load(good, 'indicators.yaml');
    assert.deepEqual(messages, []);
    assert.deepEqual([...catalogue.indicators.keys()], ['OP660', 'OP148', 'CP-REPEAT']);
    assert.equal(catalogue.lookup.get('HY650'), 'OP660');
    assert.equal(catalogue.lookup.get('CP-REPEAT'), 'CP-REPEAT');
    assert.equal(catalogue.smallNumberThreshold, 4);
    assert.deepEqual(catalogue.comparators, ['England', 'London', 'Statistical neighbours']);
    const op660 = catalogue.indicators.get('OP660')!;
    // Sorted by period; the CSV row written against the alias joins the indicator.
    assert.deepEqual(
      op660.values.map((v) => [v.period.key, v.value ?? v.symbol]),
      [
        ['2023/24 Q1', 74],
        ['2023/24 Q2', 'c'],
        ['2023/24 Q3', 71],
        ['2023/24 Q4', 67],
      ],
    );
    assert.equal(op660.values[0]?.source.file, path.join(good, 'values.csv'));
    assert.deepEqual(op660.source, {
      file: path.join(good, 'indicators.yaml'),
      line: 9,
      column: 5,
    });
    const op148 = catalogue.indicators.get('OP148')!;
    assert.equal(op148.values[1]?.note, 'Includes, for the first time, 19-year-olds');
    assert.deepEqual(
      op148.targets.map((t) => [t.period.key, t.value, t.tolerance]),
      [['2023/24', 65, 5]],
    );
    assert.deepEqual(
      op148.benchmarks.map((b) => [b.comparator, b.value ?? b.symbol]),
      [
        ['England', 'x'],
        ['Statistical neighbours', 60],
      ],
    );
    assert.deepEqual(catalogue.indicators.get('CP-REPEAT')?.band, [10, 15]);
    assert.deepEqual(
      [...catalogue.files].map((f) => path.basename(f)),
      ['indicators.yaml', 'values.csv', 'targets.csv', 'benchmarks.csv'],
    );
  });

  it('reads the same data written as JSON into the same catalogue', async () => {
    const yaml = await load(good, 'indicators.yaml');
    const json = await load(good, 'indicators.json');
    assert.deepEqual(json.messages, []);
    assert.deepEqual(shape(json.catalogue), shape(yaml.catalogue));
  });

  it('follows include chains across folders and formats, once per file', async () => {
    const dir = path.join(fixtures, 'chain');
    const { catalogue, messages } = await load(dir, 'top.yaml');
    assert.deepEqual(messages, []);
    assert.deepEqual([...catalogue.indicators.keys()], ['TOP1', 'MID1', 'BOT1']);
    assert.equal(catalogue.indicators.get('TOP1')?.values[0]?.period.key, '2024-05');
    assert.equal(catalogue.indicators.get('BOT1')?.values[0]?.value, 7);
    assert.equal(catalogue.files.length, 4);
  });

  it('reports a missing file at the front matter line that named it', async () => {
    const dir = tempDir();
    const { catalogue, messages } = await load(dir, 'data/missing.yaml');
    assert.equal(catalogue.indicators.size, 0);
    assert.deepEqual(brief(messages), ['report.md:5:7 data-missing']);
    assert.match(messages[0]!.reason, /Data file not found: data\/missing.yaml/);
    // Watched, so creating the file updates the preview.
    assert.deepEqual(catalogue.files, [path.join(dir, 'data', 'missing.yaml')]);
  });

  it('reports a missing include at the include line, a folder and an unknown extension', async () => {
    const dir = writeFiles(tempDir(), {
      'd.yaml': 'include:\n  - nothere.csv\n  - sub\n  - notes.txt\nindicators: []\n',
      'sub/x.csv': '',
      'notes.txt': 'hello',
    });
    const { messages } = await load(dir, 'd.yaml');
    assert.deepEqual(brief(messages), [
      'd.yaml:2:5 data-missing',
      'd.yaml:3:5 data-missing',
      'd.yaml:4:5 data-invalid',
    ]);
  });

  it('refuses a data file outside the allowed folders', async () => {
    const root = tempDir();
    const dir = writeFiles(path.join(root, 'report'), {
      'd.yaml': 'include: [../elsewhere/v.csv]\n',
    });
    writeFiles(root, { 'elsewhere/v.csv': 'indicator,period,value\n' });
    const { messages } = await load(dir, 'd.yaml');
    assert.deepEqual(brief(messages), ['d.yaml:1:11 path-not-allowed']);
    const front = await load(dir, '/etc/hostname');
    assert.deepEqual(brief(front.messages), ['report.md:5:7 path-not-allowed']);
  });

  it('refuses a file over the size limit', async () => {
    const dir = writeFiles(tempDir(), {
      'big.csv': `indicator,period,value\n${'A,2023/24,1\n'.repeat(100)}`,
    });
    const { messages } = await load(dir, 'big.csv', { maxFileBytes: 1000 });
    assert.deepEqual(brief(messages), ['report.md:5:7 input-too-large']);
  });

  it('reports schema problems, duplicates and unknown CSV ids with their places', async () => {
    const dir = writeFiles(tempDir(), {
      'd.yaml': `include: [v.csv]\nindicators:\n${indicator('OP1', '    aliases: [OLD1]\n')}${indicator('op1')}${indicator('OP2', '    aliases: [old1]\n    values:\n      - { period: 2023/25, value: 1 }\n')}`,
      'v.csv': 'indicator,period,value\nOP3,2023/24,1\nOP1,2023/24,2\nold1,2023/24,3\n',
    });
    const { catalogue, messages } = await load(dir, 'd.yaml');
    assert.deepEqual(brief(messages), [
      'd.yaml:18:19 data-invalid',
      'd.yaml:8:5 data-invalid',
      'd.yaml:12:5 data-invalid',
      'v.csv:2:1 unknown-indicator',
      'v.csv:4:1 data-invalid',
    ]);
    assert.match(messages[0]!.reason, /^OP2 values\[0\].period: "2023\/25" is not a period/);
    const unknown = messages[3]!;
    assert.equal(unknown.reason, 'Unknown indicator OP3, did you mean OP1 or OP2?');
    assert.deepEqual(unknown.suggestions, ['OP1', 'OP2']);
    assert.match(
      messages[1]!.reason,
      /^Duplicate indicator id op1 \(already defined at d.yaml:3\)/,
    );
    assert.match(messages[2]!.reason, /Alias old1 of OP2 is already the id or alias of OP1/);
    assert.match(messages[4]!.reason, /^Second value for OP1 2023\/24/);
    assert.deepEqual(
      catalogue.indicators.get('OP1')?.values.map((v) => v.value),
      [2],
    );
  });

  it('warns when a value disagrees with its numerator and denominator', async () => {
    const dir = writeFiles(tempDir(), {
      'd.yaml': `indicators:\n${indicator('P', '    decimals: 1\n')}  - { id: R, title: Rate, unit: rate_per_10000, polarity: none }\n  - { id: C, title: Count, unit: count, polarity: none }\n`,
      'v.csv':
        'indicator,period,value,numerator,denominator\n' +
        'P,2023/24 Q1,66.7,2,3\n' + // 66.666... rounds to 66.7: fine
        'P,2023/24 Q2,66.6,2,3\n' + // off by more than rounding
        'R,2023/24,52.3,523,100000\n' + // 52.3 per 10,000: fine
        'R,2024/25,5.2,523,100000\n' +
        'C,2023/24,4,,\n',
    });
    const { messages } = await load(dir, ['d.yaml', 'v.csv']);
    assert.deepEqual(brief(messages), [
      'v.csv:3:1 numerator-mismatch',
      'v.csv:5:1 numerator-mismatch',
    ]);
    assert.equal(messages[0]!.severity, 'warning');
    assert.equal(messages[0]!.reason, 'P 2023/24 Q2: value 66.6 differs from 2 / 3 x 100 = 66.7');
    assert.equal(
      messages[1]!.reason,
      'R 2024/25: value 5.2 differs from 523 / 100000 x 10,000 = 52.3',
    );
  });

  it('matches ids case-insensitively and keeps the caller threshold when the file has none', async () => {
    const dir = writeFiles(tempDir(), {
      'd.yaml': `indicators:\n${indicator('op148')}`,
      'v.csv': 'indicator,period,value\nOP148,2023/24,3\n',
    });
    const { catalogue, messages } = await load(dir, ['d.yaml', 'v.csv']);
    assert.deepEqual(messages, []);
    assert.equal(catalogue.lookup.get('OP148'), 'op148');
    assert.equal(catalogue.indicators.get('op148')?.values.length, 1);
    assert.equal(catalogue.smallNumberThreshold, 5);
  });

  it('reuses parsed files until one changes, and re-parses only that one', async () => {
    const dir = writeFiles(tempDir(), {
      'd.yaml': `include: [v.csv, t.csv]\nindicators:\n${indicator('A')}`,
      'v.csv': 'indicator,period,value\nA,2023/24,1\n',
      't.csv': 'indicator,period,target\nA,2023/24,5\n',
    });
    const cache = new DataCache(createNodeHost());
    const first = await load(dir, 'd.yaml', { cache });
    assert.equal(cache.parses, 3);
    const again = await load(dir, 'd.yaml', { cache });
    assert.equal(cache.parses, 3);
    assert.deepEqual(shape(again.catalogue), shape(first.catalogue));

    fs.writeFileSync(path.join(dir, 'v.csv'), 'indicator,period,value\nA,2023/24,42\n');
    const changed = await load(dir, 'd.yaml', { cache });
    assert.equal(cache.parses, 4);
    assert.equal(changed.catalogue.indicators.get('A')?.values[0]?.value, 42);

    cache.invalidate(path.join(dir, 't.csv'));
    await load(dir, 'd.yaml', { cache });
    assert.equal(cache.parses, 5);
  });

  it('hands EES sources to the importer with resolved paths and the indicators that use them', async () => {
    const root = tempDir();
    const dfe = writeFiles(path.join(root, 'dfe-folder'), { 'c1.csv': 'x\n', 'sn.csv': 'x\n' });
    const dir = writeFiles(path.join(root, 'report'), {
      'local/cla.csv': 'x\n',
      'd.yaml':
        'sources:\n' +
        '  cin:\n    ees: dfe:c1.csv\n    la: 309\n    neighbours: dfe:sn.csv\n    neighbour_average: median\n' +
        '  cla:\n    ees: local/cla.csv\n    la: Haringey\n' +
        'indicators:\n' +
        '  - id: REREF\n    title: Re-referrals\n    unit: percent\n    polarity: lower\n    source: cin\n' +
        '    value: rereferral_percent\n    numerator: rereferral_count\n    denominator: referral_count\n' +
        '    where: { category: Referrals, year: 2025 }\n' +
        '  - id: EET\n    title: EET\n    unit: percent\n    polarity: higher\n    source: cla\n    value: percent\n' +
        '    numerator_where: { age: 19 to 21 }\n    denominator_where: { age: Total }\n' +
        '  - id: NOPE\n    title: Nope\n    unit: count\n    polarity: none\n    source: cim\n    value: count\n',
    });
    const calls: { source: unknown; indicators: unknown }[] = [];
    const importEes: EesImporter = async (source, indicators) => {
      calls.push({ source, indicators });
      const period = {
        kind: 'year',
        key: '2024/25',
        start: '2024-04-01',
        end: '2025-03-31',
        fiscalYear: 2024,
      } as const;
      const place = { file: source.ees, line: 2, column: 1 };
      return {
        values: [],
        benchmarks: [],
        byIndicator: new Map(
          indicators.map((spec, i) => [
            spec.indicatorId,
            {
              values: [{ period, value: 10 + i, source: place }],
              benchmarks: [{ comparator: 'England', period, value: 20 + i, source: place }],
            },
          ]),
        ),
        messages: [],
        files: [source.ees],
      };
    };
    const { catalogue, messages } = await load(dir, 'd.yaml', { importEes, dfeDir: dfe });
    const data = path.join(dir, 'd.yaml');
    assert.deepEqual(calls, [
      {
        source: {
          name: 'cin',
          ees: path.join(dfe, 'c1.csv'),
          la: '309',
          neighbours: path.join(dfe, 'sn.csv'),
          neighbourAverage: 'median',
          place: { file: data, line: 2, column: 3 },
        },
        indicators: [
          {
            indicatorId: 'REREF',
            value: 'rereferral_percent',
            numerator: 'rereferral_count',
            denominator: 'referral_count',
            where: { category: 'Referrals', year: '2025' },
            place: { file: data, line: 15, column: 13 },
          },
        ],
      },
      {
        source: {
          name: 'cla',
          ees: path.join(dir, 'local', 'cla.csv'),
          la: 'Haringey',
          neighbourAverage: 'mean',
          place: { file: data, line: 7, column: 3 },
        },
        indicators: [
          {
            indicatorId: 'EET',
            value: 'percent',
            numeratorWhere: { age: '19 to 21' },
            denominatorWhere: { age: 'Total' },
            place: { file: data, line: 24, column: 13 },
          },
        ],
      },
    ]);
    assert.deepEqual(brief(messages), ['d.yaml:32:13 data-invalid']);
    assert.match(
      messages[0]!.reason,
      /NOPE: no source named cim in sources:, did you mean cin or cla\?/,
    );
    assert.equal(catalogue.indicators.get('REREF')?.values[0]?.value, 10);
    assert.equal(catalogue.indicators.get('EET')?.benchmarks[0]?.value, 20);
    assert.ok(catalogue.files.includes(path.join(dfe, 'c1.csv')));
    assert.ok(catalogue.files.includes(path.join(dfe, 'sn.csv')));
  });

  it('refuses an EES file outside the allowed folders without calling the importer', async () => {
    const root = tempDir();
    writeFiles(root, { 'other/c1.csv': 'x\n' });
    const dir = writeFiles(path.join(root, 'report'), {
      'd.yaml':
        'sources:\n  s:\n    ees: ../other/c1.csv\n    la: "309"\nindicators:\n' +
        '  - { id: A, title: A, unit: count, polarity: none, source: s, value: v }\n',
    });
    let called = false;
    const importEes: EesImporter = async () => {
      called = true;
      throw new Error('not expected');
    };
    const { messages } = await load(dir, 'd.yaml', { importEes });
    assert.equal(called, false);
    assert.deepEqual(brief(messages), ['d.yaml:3:10 path-not-allowed']);
  });
});
