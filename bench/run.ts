/**
 * `npm run bench`: generates reports of 10, 100 and 1000 indicators (a card, a chart and
 * a paragraph each) under bench/out/ (git-ignored), measures every case in its own
 * process, and writes bench/RESULTS.md. Timings are medians of repeated runs; the test
 * suite holds no timed assertion, this does.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeReport } from './generate.js';
import { HOSTILE } from './hostile.js';
import {
  latencyFile,
  latencyMet,
  latencySection,
  readLatency,
  runLatencyTests,
  withLatencySection,
} from './latency.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'bench', 'out');
const SIZES = [10, 100, 1000] as const;
const quick = process.argv.includes('--quick');
/** `npm run bench -- --hostile`: only the hostile reports, their section of RESULTS.md replaced. */
const hostileOnly = process.argv.includes('--hostile');
const HOSTILE_TARGET_MS = 2000;
/** `npm run bench -- --latency[=run]`: only the keystroke-to-preview section (see latency.ts). */
const latencyOnly = process.argv.find((arg) => arg === '--latency' || arg === '--latency=run');

interface Measure {
  readonly times: readonly number[];
  readonly maxRssKb?: number;
}

function stats(times: readonly number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median =
    sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { median, min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0, runs: sorted.length };
}

function child(name: string, dir: string, runs: number): Measure {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'bench', 'child.ts'), name, dir, String(runs)],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Measure;
}

/** The timings of `count` measures together, and the peak memory of the largest. */
function pooled(count: number, measure: () => Measure): Measure {
  const all = Array.from({ length: count }, measure);
  return {
    times: all.flatMap((one) => one.times),
    maxRssKb: Math.max(...all.map((one) => one.maxRssKb ?? 0)),
  };
}

/** The whole CLI process, from nothing: no cache in memory or on disk exists. */
function coldExport(report: string, runs: number): Measure {
  const times: number[] = [];
  let maxRssKb = 0;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const result = spawnSync(
      '/usr/bin/time',
      ['-f', '%M', process.execPath, join(root, 'bin', 'scorecard.js'), 'export', report].concat([
        '-o',
        join(dirname(report), 'report.html'),
        '--force',
      ]),
      { cwd: root, encoding: 'utf8' },
    );
    times.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`export failed: ${result.stderr}`);
    maxRssKb = Math.max(maxRssKb, Number(result.stderr.trim().split('\n').at(-1)));
  }
  return { times, maxRssKb };
}

function activation(runs: number): Measure {
  // Compiled once, then run in plain Node: under tsx every require goes through its
  // loader, which would be measured as activation time.
  const script = join(out, 'activation.mjs');
  execFileSync(
    'npx',
    [
      'esbuild',
      'bench/activation.ts',
      '--bundle',
      '--platform=node',
      '--format=esm',
      `--outfile=${script}`,
      '--log-level=error',
    ],
    { cwd: root },
  );
  const bundle = join(root, 'dist', 'extension.cjs');
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const output = execFileSync(process.execPath, [script, bundle], {
      cwd: root,
      encoding: 'utf8',
    });
    const { loadMs, activateMs } = JSON.parse(output.trim()) as Record<string, number>;
    times.push((loadMs ?? 0) + (activateMs ?? 0));
  }
  return { times };
}

/** `npm run package` (production build + vsce) into bench/out/, for the .vsix size. */
function vsixSize(): number {
  const file = join(out, 'scorecard.vsix');
  try {
    execFileSync('npm', ['run', 'package', '--silent', '--', '--out', file], {
      cwd: root,
      stdio: 'ignore',
    });
    return statSync(file).size;
  } finally {
    rmSync(file, { force: true });
    // Back to the development build the other tools expect.
    execFileSync(process.execPath, ['scripts/build.js'], { cwd: root, stdio: 'ignore' });
  }
}

/** Check and render of each hostile report, each in its own process; the rows and whether all met the target. */
function hostileSection(runs: number): { lines: string[]; met: boolean } {
  const lines = [
    '## Hostile reports (issue 12)',
    '',
    `Command: \`npm run bench -- --hostile\` (only this section) or \`npm run bench\`. Each report is`,
    'about 100 KB (`bench/hostile.ts`); each face runs in a new process with a new engine, median',
    `of ${runs} runs. Target: under ${HOSTILE_TARGET_MS / 1000} s each; the "accepted" rows are the worst the limits let`,
    'through, measured and shown only.',
    '',
    '| report | KB | face | median ms | max | what the engine did | target |',
    '|---|---:|---|---:|---:|---|---|',
  ];
  let met = true;
  for (const [index, hostile] of HOSTILE.entries()) {
    for (const face of ['check', 'render']) {
      const output = execFileSync(
        process.execPath,
        [
          '--import',
          'tsx',
          join(root, 'bench', 'hostile-child.ts'),
          String(index),
          face,
          String(runs),
        ],
        { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 },
      );
      const result = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Measure & {
        outcome: string;
        kb: number;
      };
      const s = stats(result.times);
      const ok = s.median < HOSTILE_TARGET_MS;
      if (hostile.target && !ok) met = false;
      const line = `| ${hostile.name} | ${result.kb} | ${face} | ${ms(s.median)} | ${ms(s.max)} | ${result.outcome} | ${hostile.target ? (ok ? 'met' : 'missed') : ''} |`;
      lines.push(line);
      process.stdout.write(line + '\n');
    }
  }
  // After the runs: the load they ran under, told beside the figures.
  lines.splice(
    lines.indexOf('through, measured and shown only.') + 1,
    0,
    `Measured ${new Date().toISOString().slice(0, 10)}; load average when it ended ${loadavg()[0]?.toFixed(1) ?? '?'} on ${cpus().length} cores.`,
  );
  return { lines, met };
}

/** Two significant figures under 1 ms (a keystroke is a tenth of one), else one decimal or none. */
const ms = (value: number) =>
  value < 1 ? value.toPrecision(2) : value < 10 ? value.toFixed(1) : value.toFixed(0);
const rows: string[] = [];
const log = (line: string) => {
  rows.push(line);
  process.stdout.write(line + '\n');
};

if (latencyOnly) {
  if ((latencyOnly === '--latency=run' || !existsSync(latencyFile(root))) && !runLatencyTests(root))
    process.stdout.write('the latency tests did not write their figures\n');
  const file = join(root, 'bench', 'RESULTS.md');
  const section = latencySection(readLatency(root));
  writeFileSync(file, withLatencySection(readFileSync(file, 'utf8'), section));
  for (const line of section) process.stdout.write(line + '\n');
  process.exit(0);
}

const HOSTILE_START = '<!-- hostile -->';
const HOSTILE_END = '<!-- /hostile -->';
if (hostileOnly) {
  const { lines } = hostileSection(quick ? 1 : 3);
  const file = join(root, 'bench', 'RESULTS.md');
  const previous = readFileSync(file, 'utf8');
  const section = [HOSTILE_START, ...lines, HOSTILE_END].join('\n');
  const start = previous.indexOf(HOSTILE_START);
  const end = previous.indexOf(HOSTILE_END);
  writeFileSync(
    file,
    start === -1 || end === -1
      ? previous.replace('## All figures', `${section}\n\n## All figures`)
      : previous.slice(0, start) + section + previous.slice(end + HOSTILE_END.length),
  );
  process.stdout.write('wrote the hostile section of bench/RESULTS.md\n');
  process.exit(0);
}

execFileSync(process.execPath, ['scripts/build.js'], { cwd: root, stdio: 'inherit' });
const runs = (n: number) => (quick ? Math.min(n, 3) : n);
const results = new Map<string, Measure>();
for (const size of SIZES) {
  const report = writeReport(out, size);
  const dir = dirname(report.reportPath);
  const few = size >= 1000 ? 3 : 5;
  results.set(`remark-${size}`, child('remark', dir, runs(10)));
  results.set(`markdownit-${size}`, child('markdownit', dir, runs(10)));
  // The cold export has a target and the machine is shared: more runs for a steadier median.
  results.set(`cold-${size}`, coldExport(report.reportPath, runs(size === 100 ? 11 : few)));
  results.set(`full-${size}`, child('full', dir, runs(few)));
  // The first keystrokes after opening a report are few per engine and noisy (the JIT and
  // the collector still settling): three engines' 21, each in its own process, pooled.
  results.set(
    `edit-${size}`,
    pooled(quick ? 1 : 3, () => child('edit', dir, runs(21))),
  );
  // A warm keystroke is a tenth of a millisecond: 201 of them give a median that holds still.
  results.set(`typing-${size}`, child('typing', dir, runs(201)));
  results.set(`figures-${size}`, child('figures', dir, runs(201)));
  results.set(`compare-${size}`, child('compare', dir, runs(201)));
  results.set(`data-${size}`, child('data', dir, runs(few)));
  process.stdout.write(`measured ${size} indicators (${report.markdown.length} characters)\n`);
}
results.set('ees', child('ees', join(out, 'report-10'), runs(5)));
results.set('activation', activation(runs(5)));
const vsix = vsixSize();
const hostile = hostileSection(runs(3));

const CASES: ReadonlyArray<readonly [string, string]> = [
  ['remark', 'baseline: remark parse + HTML, directives unresolved'],
  ['markdownit', 'baseline: markdown-it render'],
  ['cold', 'cold CLI export (whole process)'],
  ['full', 'full render, warm engine, no caches'],
  ['edit', 're-render after a one-character edit'],
  ['typing', 'the same, after 200 edits'],
  ['figures', 'the same in a line with inline figures'],
  ['compare', 'of which: comparing the text with the last one'],
  ['data', "re-render after one indicator's data changes"],
];
log(
  '| case | indicators | median ms | min | max | runs | × remark | × markdown-it | peak RSS MB |',
);
log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const size of SIZES) {
  const floor = stats(results.get(`remark-${size}`)?.times ?? []).median;
  const mdit = stats(results.get(`markdownit-${size}`)?.times ?? []).median;
  for (const [key, label] of CASES) {
    const measure = results.get(`${key}-${size}`);
    if (!measure) continue;
    const s = stats(measure.times);
    const rss = measure.maxRssKb ? (measure.maxRssKb / 1024).toFixed(0) : '';
    log(
      `| ${label} | ${size} | ${ms(s.median)} | ${ms(s.min)} | ${ms(s.max)} | ${s.runs} | ${(s.median / floor).toFixed(1)} | ${(s.median / mdit).toFixed(1)} | ${rss} |`,
    );
  }
}
const ees = stats(results.get('ees')?.times ?? []);
const act = stats(results.get('activation')?.times ?? []);
log(
  `| load + index DfE care leavers CSV (3.3 MB) | | ${ms(ees.median)} | ${ms(ees.min)} | ${ms(ees.max)} | ${ees.runs} | | | ${((results.get('ees')?.maxRssKb ?? 0) / 1024).toFixed(0)} |`,
);
log(
  `| extension activation (load bundle + activate) | | ${ms(act.median)} | ${ms(act.min)} | ${ms(act.max)} | ${act.runs} | | | |`,
);
log(`| .vsix size | | ${(vsix / 1024).toFixed(0)} KB | | | | | | |`);

const median = (key: string) => stats(results.get(key)?.times ?? []).median;
const targets = [
  [
    'one-character edit, 100 charts ≤ 10 ms',
    median('edit-100') <= 10,
    `${ms(median('edit-100'))} ms`,
  ],
  [
    // "The same": within the 1.25 the issue allows for noise elsewhere.
    'one-character edit, 1000 charts: the same as at 100 (≤ 1.25 ×) and ≤ 10 ms',
    median('edit-1000') <= 10 && median('edit-1000') <= 1.25 * median('edit-100'),
    `${ms(median('edit-1000'))} ms (${(median('edit-1000') / median('edit-100')).toFixed(1)} ×)`,
  ],
  [
    'the same after 200 edits (the engine as an author finds it), 1000 against 100 (≤ 1.25 ×)',
    median('typing-1000') <= 10 && median('typing-1000') <= 1.25 * median('typing-100'),
    `${ms(median('typing-100'))} and ${ms(median('typing-1000'))} ms (${(median('typing-1000') / median('typing-100')).toFixed(1)} ×)`,
  ],
  [
    'the same in a line with inline figures (`:value{...}`), 100 and 1000 (≤ 10 ms, ≤ 1.25 ×)',
    median('figures-100') <= 10 &&
      median('figures-1000') <= 10 &&
      median('figures-1000') <= 1.25 * median('figures-100'),
    `${ms(median('figures-100'))} and ${ms(median('figures-1000'))} ms (${(median('figures-1000') / median('figures-100')).toFixed(1)} ×)`,
  ],
  [
    // Not a target: what reading the handed text costs, and what the engine does besides.
    'of which comparing the text with the last one (reads both whole), 100 and 1000; the rest, 1000 against 100',
    undefined,
    `${ms(median('compare-100'))} and ${ms(median('compare-1000'))} ms; ${(
      (median('typing-1000') - median('compare-1000')) /
      (median('typing-100') - median('compare-100'))
    ).toFixed(1)} ×`,
  ],
  [
    "one indicator's data change, 100 charts ≤ 50 ms",
    median('data-100') <= 50,
    `${ms(median('data-100'))} ms`,
  ],
  ['cold export, 100 charts ≤ 2 s', median('cold-100') <= 2000, `${ms(median('cold-100'))} ms`],
  [
    '1000-indicator cold export ≤ 12 × the 100 one',
    median('cold-1000') <= 12 * median('cold-100'),
    `${(median('cold-1000') / median('cold-100')).toFixed(1)} ×`,
  ],
  [
    '1000-indicator full render ≤ 12 × the 100 one',
    median('full-1000') <= 12 * median('full-100'),
    `${(median('full-1000') / median('full-100')).toFixed(1)} ×`,
  ],
  ['activation ≤ 100 ms', median('activation') <= 100, `${ms(median('activation'))} ms`],
  ['DfE care leavers load + index < 300 ms', median('ees') < 300, `${ms(median('ees'))} ms`],
  ['each hostile 100 KB report, check and render < 2 s', hostile.met, 'see "Hostile reports"'],
] as const;
// From the last real-VS-Code run: the bench does not start code-server itself.
const latency = readLatency(root);
const latencyRatios = latency?.sizes.map((s) => `${s.indicators}: ${s.ratio.toFixed(2)}`) ?? [];
const cpu = cpus()[0]?.model ?? 'unknown';
const machine = [
  `- CPU: ${cpu}, ${cpus().length} cores (nproc ${execFileSync('nproc', { encoding: 'utf8' }).trim()}), ${(totalmem() / 2 ** 30).toFixed(1)} GB memory`,
  `- Node ${process.version}, ${process.platform} ${process.arch}`,
  `- Date: ${new Date().toISOString().slice(0, 10)}`,
  '- The machine is shared with other work while the bench runs, so single runs vary; compare medians.',
  `- Load average when the run ended: ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores.`,
];
const targetLines = targets.map(
  ([what, met, value]) =>
    `| ${what} | ${value} | ${met === undefined ? 'measured' : met ? 'met' : 'missed'} |`,
);
const latencyStatus = latencyMet(latency);
targetLines.push(
  `| keystroke to preview ≤ VS Code's own (ratio, 20 and 100 indicators) | ${latencyRatios.join(', ') || 'not measured'} | ${latencyStatus === undefined ? 'see below' : latencyStatus ? 'met' : 'missed'} |`,
);
const markdown = [
  '# Benchmark results',
  '',
  'Command: `npm run bench` (that is `node --import tsx bench/run.ts`), from the repository root.',
  'Reports are generated by `bench/generate.ts` into `bench/out/` (git-ignored): N indicators,',
  'each a `:::indicator` card with narrative inside, a `::chart` with two benchmarks and a',
  'paragraph of narrative with inline figures. Every case runs in its own Node process;',
  "peak RSS is that process's `process.resourceUsage().maxRSS` (for the CLI, `/usr/bin/time -f %M`).",
  '',
  '## Machine',
  '',
  ...machine,
  '',
  '## Targets',
  '',
  '| target | measured (median) | |',
  '|---|---:|---|',
  ...targetLines,
  '',
  HOSTILE_START,
  ...hostile.lines,
  HOSTILE_END,
  '',
  ...latencySection(latency),
  '',
  '## All figures',
  '',
  ...rows,
  '',
  '## Method',
  '',
  '- cold CLI export: `node bin/scorecard.js export report.md -o report.html --force` in a new',
  '  process; no cache of any kind exists between runs (the engine keeps none on disk).',
  '- full render: a warm process (modules loaded, one render done), then each run a new',
  '  engine and an emptied chart cache.',
  '- one-character edit: one engine; each run types the next character of a sentence into',
  '  the narrative paragraph of the middle indicator, in a line of words, and renders (the',
  '  edited text is made one string before the timer starts, as an editor hands it over), 21',
  '  runs, in each of three processes (63 pooled). Each text is new, so the edited block is',
  '  parsed and resolved each time.',
  '  "After 200 edits": the same, with 200 characters typed and rendered untimed first, then',
  '  201 runs. "In a line with inline figures": the same after `:value{id=...} compares`.',
  '  "Comparing the text": only finding where each of those texts differs from the one',
  "  before (the engine's `lineEdit`).",
  "- data change: one engine; each run rewrites the middle indicator's latest value in the",
  '  data file and renders.',
  '- baselines: remark (remark-parse, -frontmatter, -gfm, -directive, remark-rehype,',
  '  rehype-stringify) and markdown-it on the same Markdown, warm.',
  '- activation: `bench/activation.ts` requires `dist/extension.cjs` in plain Node with a stub',
  '  `vscode` module (a `Module._resolveFilename` hook; every API name from `@types/vscode`',
  '  answers with a Proxy) and calls `activate()` with a fake context; the figure is bundle',
  '  load plus `activate()`, in a new process each run.',
  '- .vsix: production build, then `vsce package --no-dependencies` into bench/out/ (as',
  '  `npm run package`, with placeholder base URLs for the README image).',
  '- DfE: `EesTableCache.read` + `indexEesTable` of `la_care_leavers_activity.csv`, a new cache',
  '  each run.',
  '',
];
const notes = join(root, 'bench', 'notes.md');
if (existsSync(notes)) markdown.push(readFileSync(notes, 'utf8'));
writeFileSync(join(root, 'bench', 'RESULTS.md'), markdown.join('\n'));
process.stdout.write('wrote bench/RESULTS.md\n');
