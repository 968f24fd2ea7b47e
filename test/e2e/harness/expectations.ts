// What the suite and the harness expect, computed by the engine itself on the copied
// samples, so the end-to-end tests check the extension against the engine (the spec's
// "same engine as the export") rather than against figures copied into the test.
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { Engine, EngineOptions } from '../../../src/engine/api.js';
import type { E2EConfig, ExpectedDiagnostic } from '../protocol.js';

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
    },
    preview: { figures: figures.map((f) => f.text), edited },
  };
}
