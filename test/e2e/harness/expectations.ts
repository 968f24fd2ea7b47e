// What the suite and the harness expect, computed by the engine itself on the copied
// samples, so the end-to-end tests check the extension against the engine (the spec's
// "same engine as the export") rather than against figures copied into the test.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Engine, EngineOptions } from '../../../src/engine/api.js';
import type { DataChange, E2EConfig, ExpectedDiagnostic } from '../protocol.js';
import { ATTACK_CORPUS } from './workspace.js';

/** What only the harness checks: text inside the preview webview. */
export interface PreviewExpectations {
  /** Each must appear in the webview once the preview has rendered the report. */
  readonly figures: readonly string[];
  /** Must appear after the suite's unsaved edit. */
  readonly edited: string;
}

export interface Expectations {
  readonly config: E2EConfig;
  readonly preview: PreviewExpectations;
}

/** Collapses whitespace so DOM text and engine HTML compare equal. */
export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text a browser's `textContent` gives for an HTML fragment. */
export function htmlText(html: string): string {
  const parts: string[] = [];
  visit(fromHtml(html, { fragment: true }), 'text', (node) => {
    parts.push(node.value);
  });
  return normalizeText(parts.join(''));
}

export function frontMatterOf(markdown: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(markdown);
  if (!match) throw new Error('The sample report has no front matter');
  return match[0];
}

/** Ids written as plain `:value{id=X}` in the report, in order, once each. */
export function valueIds(markdown: string): string[] {
  return [
    ...new Set([...markdown.matchAll(/:value\{id=([A-Za-z0-9_.-]+)\}/g)].map((m) => m[1] ?? '')),
  ].filter((id) => id !== '');
}

/** The sample to preview: SCORECARD_E2E_REPORT, else the first report with a `:value`. */
export function chooseReport(samplesDir: string): string {
  const chosen = process.env['SCORECARD_E2E_REPORT'];
  if (chosen) return chosen;
  const candidate = readdirSync(samplesDir)
    .filter((name) => name.endsWith('.md') && name !== 'broken.md')
    .sort()
    .find((name) => valueIds(readFileSync(join(samplesDir, name), 'utf8')).length > 0);
  if (!candidate) throw new Error(`No sample report with a :value directive in ${samplesDir}`);
  return candidate;
}

async function loadEngine(repo: string, options: EngineOptions): Promise<Engine> {
  const entry = pathToFileURL(join(repo, 'src', 'engine', 'index.ts')).href;
  const engineModule = (await import(entry)) as { createEngine(options: EngineOptions): Engine };
  return engineModule.createEngine(options);
}

/** Values tried for the on-disk data change, until one gives a figure the report lacks. */
const NEW_VALUES = [13, 17, 23, 29, 31, 37, 41, 43, 47];

/**
 * A change to the data on disk the preview must pick up: one value line of `id` in the
 * data file that defines it, rewritten so the figure becomes one the report never
 * shows. The engine says which line is the one `:value{id=...}` reads, and what the new
 * figure is; the file is restored before VS Code starts.
 */
async function findDataChange(options: {
  readonly engine: Engine;
  readonly workspace: string;
  readonly files: readonly string[];
  readonly id: string;
  readonly originalBody: string;
  readonly snippet: (markdown: string) => Promise<string | undefined>;
}): Promise<DataChange> {
  const { engine, id } = options;
  const before = await options.snippet(`:value{id=${id}}`);
  for (const file of options.files) {
    const original = readFileSync(file, 'utf8');
    const lines = original.split('\n');
    const start = lines.findIndex((line) => new RegExp(`^\\s*- id: ${id}\\s*$`).test(line));
    if (start < 0) continue;
    let end = lines.findIndex((line, i) => i > start && /^\s*- id: /.test(line));
    if (end < 0) end = lines.length;
    try {
      // Latest values come last: try from the end of the block.
      for (let i = end - 1; i > start; i--) {
        const from = lines[i] ?? '';
        const match = /^(\s*- \{ period: [^,]+, value: )[\d.]+.*\}\s*$/.exec(from);
        if (!match) continue;
        for (const value of NEW_VALUES) {
          // Numerator and denominator go, or they would contradict the new value.
          const to = `${match[1] ?? ''}${value} }`;
          writeFileSync(file, [...lines.slice(0, i), to, ...lines.slice(i + 1)].join('\n'));
          engine.invalidate(file);
          const figure = await options.snippet(`:value{id=${id}}`);
          if (figure === undefined || figure === before) break; // not the line :value reads
          if (options.originalBody.includes(figure)) continue;
          return { file: relative(options.workspace, file), from, to, id, figure };
        }
      }
    } finally {
      writeFileSync(file, original);
      engine.invalidate(file);
    }
  }
  throw new Error(`Found no value line of ${id} in ${options.files.join(', ')} to change`);
}

export async function computeExpectations(options: {
  readonly repo: string;
  readonly workspace: string;
  readonly extensionsDir: string;
  readonly allowedRoots: readonly string[];
  readonly nonce: string;
}): Promise<Expectations> {
  const engine = await loadEngine(options.repo, { allowedRoots: options.allowedRoots });
  const samplesDir = join(options.workspace, 'samples');
  const reportPath = join(samplesDir, chooseReport(samplesDir));
  const brokenPath = join(samplesDir, 'broken.md');
  const reportText = readFileSync(reportPath, 'utf8');
  const frontMatter = frontMatterOf(reportText);

  /** Renders a snippet as part of the report (same data, same period). */
  const snippet = async (markdown: string): Promise<string | undefined> => {
    const result = await engine.render(`${frontMatter}\n${markdown}\n`, {
      path: reportPath,
      mode: 'preview',
    });
    if (result.messages.some((m) => m.severity === 'error')) return undefined;
    return htmlText(result.body);
  };

  const figures: { id: string; text: string }[] = [];
  for (const id of valueIds(reportText)) {
    const text = await snippet(`:value{id=${id}}`);
    if (text) figures.push({ id, text });
    if (figures.length === 3) break;
  }
  const first = figures[0];
  if (!first) throw new Error(`No :value in ${reportPath} renders without errors`);
  const editId = (figures[1] ?? first).id;
  const edit = `\n\nLive edit ${options.nonce}: :value{id=${editId}}\n`;
  const edited = await snippet(edit);
  if (!edited?.includes(options.nonce))
    throw new Error(`The engine did not render the edit ${edit}`);

  const { catalogue } = await engine.catalogue(reportText, { path: reportPath });
  const original = await engine.render(reportText, { path: reportPath, mode: 'preview' });
  const dataChange = await findDataChange({
    engine,
    workspace: options.workspace,
    files: catalogue.files,
    id: first.id,
    originalBody: original.body,
    snippet,
  });
  const messages = await engine.check(readFileSync(brokenPath, 'utf8'), { path: brokenPath });
  const seen = new Set<string>();
  const expectedDiagnostics: ExpectedDiagnostic[] = [];
  for (const m of messages) {
    const expected = { fileName: basename(m.file), ruleId: m.ruleId, line: m.line };
    const key = JSON.stringify(expected);
    if (!seen.has(key)) expectedDiagnostics.push(expected);
    seen.add(key);
  }

  return {
    config: {
      extensionsDir: options.extensionsDir,
      report: relative(options.workspace, reportPath),
      broken: relative(options.workspace, brokenPath),
      expectedDiagnostics,
      ids: [...catalogue.indicators.keys()],
      hoverId: first.id,
      hoverValue: first.text,
      edit,
      frontMatter,
      attackReport: join(ATTACK_CORPUS, 'attacks.md'),
      attackData: join(ATTACK_CORPUS, 'data', 'attacks.yaml'),
      dataChange,
    },
    preview: { figures: figures.map((f) => f.text), edited },
  };
}
