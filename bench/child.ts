/**
 * One measured case, run in its own process so that its peak memory (maxRSS) is its
 * own: `node --import tsx bench/child.ts CASE REPORT_DIR RUNS`. Prints one JSON line:
 * the timings of each run in milliseconds and the process's peak memory in kilobytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import markdownIt from 'markdown-it';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { EesTableCache, indexEesTable } from '../src/engine/data/ees/index.js';
import { cliHost } from '../src/cli/host.js';
import { createEngine } from '../src/engine/index.js';
import { lineEdit } from '../src/engine/report/quiet-edit.js';
import { dataYaml, indicatorId, middleEdits, type TypingLine } from './generate.js';

const [name = '', dir = '', runsText = '5'] = process.argv.slice(2);
const runs = Number(runsText);
const reportPath = join(dir, 'report.md');
const dataPath = join(dir, 'data', 'indicators.yaml');
const count = Number(/report-(\d+)/.exec(dir)?.[1] ?? 0);

async function time(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function repeat(work: (run: number) => unknown, before?: (run: number) => unknown) {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    await before?.(run);
    times.push(await time(() => work(run)));
  }
  return times;
}

/**
 * Renders the report, then types `warmUp` characters into a line of the middle
 * indicator's narrative untimed, then `runs` more timed, one render each.
 */
async function typeInMiddle(warmUp: number, line: TypingLine = 'narrative'): Promise<number[]> {
  const text = readFileSync(reportPath, 'utf8');
  const engine = createEngine({ host: cliHost(undefined) });
  await engine.render(text, { path: reportPath });
  const typed = middleEdits(text, count, line);
  for (let run = 0; run < warmUp; run++) await engine.render(typed(run), { path: reportPath });
  let edited = text;
  return repeat(
    () => engine.render(edited, { path: reportPath }),
    // Each edited text is made before the timer starts.
    (run) => {
      edited = typed(warmUp + run);
    },
  );
}

const cases: Record<string, () => Promise<number[]>> = {
  /** Warm process, but no cache of any kind: a new engine and no remembered charts. */
  async full() {
    const text = readFileSync(reportPath, 'utf8');
    await createEngine({ host: cliHost(undefined) }).render(text, { path: reportPath });
    return repeat(() =>
      createEngine({ host: cliHost(undefined) }).render(text, { path: reportPath }),
    );
  },
  /** One character typed in the narrative of the middle indicator. */
  edit: () => typeInMiddle(0),
  /** The same after 200 such edits, untimed: the engine and the JIT as an author finds them. */
  typing: () => typeInMiddle(200),
  /** The same in a line with inline figures (`:value{...}`), which the door checks read. */
  figures: () => typeInMiddle(200, 'figures'),
  /**
   * The floor under `typing`: finding where a text differs from the last one, which reads
   * both whole (the engine is handed the whole text, not the edit). The same edits, 200
   * untimed first.
   */
  async compare() {
    const typed = middleEdits(readFileSync(reportPath, 'utf8'), count);
    let before = typed(0);
    let after = before;
    const next = (run: number) => {
      before = after;
      after = typed(run + 1);
    };
    for (let run = 0; run < 200; run++) {
      next(run);
      lineEdit(before, after);
    }
    return repeat(
      () => lineEdit(before, after),
      (run) => next(200 + run),
    );
  },
  /** One indicator's data changes on disk (the middle one's latest value). */
  async data() {
    const text = readFileSync(reportPath, 'utf8');
    const original = readFileSync(dataPath, 'utf8');
    const engine = createEngine({ host: cliHost(undefined) });
    await engine.render(text, { path: reportPath });
    const id = indicatorId(Math.floor(count / 2));
    try {
      return await repeat(
        () => engine.render(text, { path: reportPath }),
        (run) => {
          const block = original.indexOf(`id: ${id}`);
          const at = original.indexOf('2023/24 Q4, value: ', block) + '2023/24 Q4, value: '.length;
          const end = original.indexOf(',', at);
          const changed = original.slice(0, at) + String(50 + run) + original.slice(end);
          writeFileSync(dataPath, changed);
          engine.invalidate(dataPath);
        },
      );
    } finally {
      writeFileSync(dataPath, original.length > 0 ? original : dataYaml(count));
    }
  },
  /** The floor: remark parses and turns the same Markdown into HTML, directives left as they are. */
  async remark() {
    const text = readFileSync(reportPath, 'utf8');
    const processor = unified()
      .use(remarkParse)
      .use(remarkFrontmatter, ['yaml'])
      .use(remarkGfm)
      .use(remarkDirective)
      .use(remarkRehype)
      .use(rehypeStringify);
    await processor.process(text);
    return repeat(() => processor.process(text));
  },
  /** VS Code's own Markdown preview engine on the same text. */
  async markdownit() {
    const text = readFileSync(reportPath, 'utf8');
    const md = markdownIt();
    md.render(text);
    return repeat(() => md.render(text));
  },
  /** Issue 7: read, parse and index the 3.3 MB DfE care leavers file, each time from scratch. */
  async ees() {
    const host = cliHost(undefined);
    const file = join(host.dfeDataFolder ?? '.', 'la_care_leavers_activity.csv');
    return repeat(async () => {
      const read = await new EesTableCache(host).read(file);
      if (!read.ok) throw new Error(read.reason);
      const indexed = indexEesTable(read.table);
      if (!indexed.ok) throw new Error(`cannot index ${file}`);
    });
  },
};

const run = cases[name];
if (!run) throw new Error(`Unknown case ${name}; one of ${Object.keys(cases).join(', ')}`);
const times = await run();
process.stdout.write(JSON.stringify({ times, maxRssKb: process.resourceUsage().maxRSS }) + '\n');
