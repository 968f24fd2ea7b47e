import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './cli-run.js';
import { DFE_DIR, REPO } from './ees/dfe-files.js';

const REPORT = `---
title: Diff test
period: 2023/24
data: data.yaml
---

# Diff test

:::indicator{id=A1}
Assessments on time stood at :value{id=A1} against :target{id=A1} (:rag{id=A1}); :change{id=A1}.
England: :benchmark{id=A1 vs=England}.
:::

::scorecard{ids="A1,B1,C1,D1"}

::summary{ids="A1,B1,C1,D1"}
`;

/** One data file in two versions: A1 falls below target, B1 is suppressed, C1's benchmark is revised. */
function data(version: 1 | 2): string {
  const v = <T>(one: T, two: T): T => (version === 1 ? one : two);
  return `comparators: [England]
indicators:
  - id: A1
    title: Assessments on time
    unit: percent
    decimals: 0
    polarity: higher
    targets:
      - { period: 2023/24, value: 80, tolerance: 5 }
    values:
      - { period: 2022/23, value: 78 }
      - { period: 2023/24, value: ${v(82, 70)} }
    benchmarks:
      - { comparator: England, period: 2023/24, value: 79 }
  - id: B1
    title: Children adopted
    unit: count
    polarity: none
    counting_unit: children
    values:
      - { period: 2022/23, value: 14 }
      - { period: 2023/24, ${v('value: 12', 'symbol: c')} }
  - id: C1
    title: Repeat referrals
    unit: percent
    decimals: 1
    polarity: lower
    values:
      - { period: 2022/23, value: 20.5 }
      - { period: 2023/24, value: 21.0 }
    benchmarks:
      - { comparator: England, period: 2023/24, value: ${v(22.4, 22.9)} }
  - id: D1
    title: Placements stable
    unit: percent
    decimals: 0
    polarity: higher
    values:
      - { period: 2022/23, value: 70 }
      - { period: 2023/24, value: 71 }
    benchmarks:
      - { comparator: England, period: 2023/24, value: 69 }
`;
}

interface Row {
  indicator: string;
  kind: string;
  comparator?: string;
  change: string;
  callouts: string[];
  before: string | null;
  after: string | null;
}

describe('scorecard diff', function () {
  this.timeout(60_000);
  let work: string;
  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'scorecard-diff-'));
    writeFileSync(join(work, 'report.md'), REPORT);
    writeFileSync(join(work, 'data.yaml'), data(1));
    assert.equal((await cli(['export', 'report.md', '-o', 'v1.html'], work)).code, 0);
    writeFileSync(join(work, 'data.yaml'), data(2));
    assert.equal((await cli(['export', 'report.md', '-o', 'v2.html'], work)).code, 0);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  async function jsonDiff(before: string, after: string) {
    const result = await cli(['diff', before, after, '--format', 'json'], work);
    return { ...result, json: JSON.parse(result.out) as { changes: Row[]; summary: string } };
  }

  it('finds exactly the changed indicators between two exports, flips first', async () => {
    const { code, json } = await jsonDiff('v1.html', 'v2.html');
    assert.equal(code, 1);
    assert.deepEqual([...new Set(json.changes.map((row) => row.indicator))].sort(), [
      'A1',
      'B1',
      'C1',
    ]);
    const find = (indicator: string, kind: string) =>
      json.changes.find((row) => row.indicator === indicator && row.kind === kind);
    assert.deepEqual(find('A1', 'rag')?.callouts, ['rag-flip']);
    assert.match(find('A1', 'rag')?.before ?? '', /▲ Green/);
    assert.match(find('A1', 'rag')?.after ?? '', /▼ Red/);
    assert.deepEqual(find('A1', 'change')?.callouts, ['direction-flip']);
    assert.deepEqual(find('B1', 'value'), {
      indicator: 'B1',
      period: '2023/24',
      kind: 'value',
      change: 'changed',
      callouts: ['suppression-flip'],
      before: '12 children',
      after: '[c]',
      beforeSuppressed: false,
      afterSuppressed: true,
    });
    const benchmark = find('C1', 'benchmark');
    assert.equal(benchmark?.comparator, 'England');
    assert.deepEqual(benchmark?.callouts, ['benchmark-revised']);
    assert.deepEqual([benchmark?.before, benchmark?.after], ['22.4%', '22.9%']);
    // Called-out rows come before the rest: A1's value is an ordinary change.
    const firstPlain = json.changes.findIndex((row) => row.callouts.length === 0);
    assert.ok(firstPlain > 0);
    assert.ok(json.changes.slice(firstPlain).every((row) => row.callouts.length === 0));
    assert.deepEqual(find('A1', 'value')?.callouts, []);
    assert.match(
      json.summary,
      /^1 RAG flip, 1 direction flip, \d+ suppression flips?, 1 revised benchmark/,
    );
  });

  it('exits 0 when nothing changed', async () => {
    const result = await cli(['diff', 'v1.html', 'v1.html'], work);
    assert.equal(result.code, 0);
    assert.match(result.out, /no figure changed/);
  });

  it('reads a report by rendering it now, the same as its export', async () => {
    const fromReport = await jsonDiff('v1.html', 'report.md');
    const fromExport = await jsonDiff('v1.html', 'v2.html');
    assert.equal(fromReport.code, 1);
    assert.deepEqual(fromReport.json.changes, fromExport.json.changes);
    assert.equal((await cli(['diff', 'report.md', 'v2.html'], work)).code, 0);
  });

  it('renders a report that reads DfE files from the DfE folder (--dfe-dir)', async () => {
    const report = join(REPO, 'samples', 'dfe', 'haringey-published-statistics.md');
    const result = await cli(['diff', report, report, '--dfe-dir', DFE_DIR], work);
    assert.equal(result.code, 0, result.err);
    assert.equal(result.err, '');
    assert.match(result.out, /no figure changed/);
  });

  it('prints readable text', async () => {
    const result = await cli(['diff', 'v1.html', 'v2.html'], work);
    assert.equal(result.code, 1);
    assert.match(result.out, /^Figures of v1\.html compared with v2\.html \(Scorecard Markdown /);
    assert.match(result.out, /A1, 2023\/24, rag: RAG flip: ▲ Green to ▼ Red\n/);
    assert.match(
      result.out,
      /C1, 2023\/24, benchmark \(England\): Revised benchmark\n {4}22\.4% {2}-> {2}22\.9%/,
    );
    assert.ok(result.out.indexOf('RAG, direction') < result.out.indexOf('Other changed figures'));
  });

  it('writes an accessible HTML page with -o, atomically, never over what is not its own', async () => {
    const written = await cli(
      ['diff', 'v1.html', 'v2.html', '--format', 'html', '-o', 'changes.html'],
      work,
    );
    assert.equal(written.code, 1);
    const page = readFileSync(join(work, 'changes.html'), 'utf8');
    assert.match(page, /<html lang="en-GB">/);
    assert.match(page, /<caption>Figures whose RAG status/);
    assert.match(page, /<th scope="col">After<\/th>/);
    assert.match(page, /<span class="sc-rag sc-rag--red">▼ Red/);
    assert.doesNotMatch(page, /<script/);
    // Ours: replaced without --force; the same for text and JSON.
    assert.equal(
      (await cli(['diff', 'v1.html', 'v2.html', '--format', 'html', '-o', 'changes.html'], work))
        .code,
      1,
    );
    for (const [format, file] of [
      ['text', 'changes.txt'],
      ['json', 'changes.json'],
    ] as const) {
      for (let run = 0; run < 2; run++)
        assert.equal(
          (await cli(['diff', 'v1.html', 'v2.html', '--format', format, '-o', file], work)).code,
          1,
        );
    }
    writeFileSync(join(work, 'notes.txt'), 'my notes');
    const refused = await cli(['diff', 'v1.html', 'v2.html', '-o', 'notes.txt'], work);
    assert.equal(refused.code, 2);
    assert.match(
      refused.err,
      /notes\.txt exists and was not written by Scorecard Markdown; use --force/,
    );
    assert.equal(readFileSync(join(work, 'notes.txt'), 'utf8'), 'my notes');
    assert.equal(
      (await cli(['diff', 'v1.html', 'v2.html', '-o', 'notes.txt', '--force'], work)).code,
      1,
    );
    const over = await cli(['diff', 'v1.html', 'v2.html', '-o', 'v2.html', '--force'], work);
    assert.equal(over.code, 2);
    assert.match(over.err, /one of the files compared/);
    assert.match(readFileSync(join(work, 'v2.html'), 'utf8'), /scorecard-figures/);
  });

  it('exits 2 with the file named when a version cannot be read', async () => {
    writeFileSync(join(work, 'other.html'), '<!doctype html><title>Not ours</title>');
    const v1 = readFileSync(join(work, 'v1.html'), 'utf8');
    writeFileSync(
      join(work, 'malformed.html'),
      v1.replace(
        /(<template id="scorecard-figures">)[^<]*/,
        '$1{"format":"scorecard-figures","version":1,"figures":[{"indicator":1}]}',
      ),
    );
    writeFileSync(
      join(work, 'bare.html'),
      v1.replace(/<template id="scorecard-figures">[^<]*<\/template>/, ''),
    );
    writeFileSync(join(work, 'broken.md'), REPORT.replace('id=A1}', 'id=NOPE}'));
    const cases: [string, RegExp][] = [
      ['missing.html', /missing\.html cannot be read \(no such file\)/],
      ['other.html', /other\.html is not an export written by Scorecard Markdown/],
      ['malformed.html', /malformed\.html: its figure data is malformed/],
      ['bare.html', /bare\.html carries no figures/],
      ['broken.md', /broken\.md has 1 error/],
      ['data.yaml', /data\.yaml is neither an export \(\.html\) nor a report \(\.md\)/],
    ];
    for (const [file, message] of cases) {
      const result = await cli(['diff', 'v1.html', file], work);
      assert.equal(result.code, 2, file);
      assert.match(result.err, message);
      assert.equal(result.out, '', file);
    }
  });

  it('exits 2 on usage errors', async () => {
    for (const argv of [
      ['diff', 'v1.html'],
      ['diff', 'a.html', 'b.html', 'c.html'],
      ['diff', 'v1.html', 'v2.html', '--format', 'csv'],
      ['diff', 'v1.html', 'v2.html', '--pdf'],
    ]) {
      assert.equal((await cli(argv, work)).code, 2, argv.join(' '));
    }
  });
});
