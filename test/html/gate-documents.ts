import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import fc from 'fast-check';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeReport } from '../../bench/generate.js';
import { renderDocument } from '../../src/engine/html/document.js';
import { createEngine } from '../../src/engine/index.js';
import type { ExemptText, GateInput } from '../../src/engine/html/public-gate.js';
import { outsideRegions, regionTexts, scanFences } from '../../src/engine/report/exempt-scan.js';

/**
 * Documents for the public gate's tests: real public exports (the samples, the render
 * fixtures and a generated bench report, with their exempt text, made once per test run),
 * documents around a body of odd pieces, and random edits of a document.
 */
const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RealExport {
  readonly name: string;
  readonly input: GateInput;
}

export function gateInput(
  html: string,
  exempt: readonly ExemptText[] = [],
  publicSource = '',
): GateInput {
  return { html, file: '/r.md', exempt, publicSource };
}

let made: Promise<RealExport[]> | undefined;

/** The exports, made on the first call (a few seconds) and shared after. */
export function realExports(): Promise<RealExport[]> {
  made ??= makeExports();
  return made;
}

const FIXTURES = join(REPO, 'test', 'fixtures', 'render');
const SAMPLES = join(REPO, 'samples');

/** The shipped samples and the render fixtures' reports. */
export function sampleReportPaths(): string[] {
  return [
    ...readdirSync(SAMPLES)
      .filter((name) => name.endsWith('.md'))
      .map((name) => join(SAMPLES, name)),
    ...readdirSync(FIXTURES)
      .map((name) => join(FIXTURES, name, 'input.md'))
      .filter((path) => existsSync(path)),
  ];
}

async function makeExports(): Promise<RealExport[]> {
  const bench = mkdtempSync(join(tmpdir(), 'gate-exports-'));
  try {
    const generated = writeReport(bench, 12);
    const engine = createEngine({ allowedRoots: [FIXTURES, SAMPLES, bench] });
    const paths = [...sampleReportPaths(), generated.reportPath];
    const exported: RealExport[] = [];
    for (const path of paths) {
      const text = readFileSync(path, 'utf8');
      const result = await engine.render(text, { path, mode: 'public' });
      const scan = scanFences(text);
      exported.push({
        name: path,
        input: gateInput(result.html, regionTexts(scan, text), outsideRegions(scan, text)),
      });
    }
    return exported;
  } finally {
    rmSync(bench, { recursive: true, force: true });
  }
}

/** A small real export carrying charts and figures, to be made hostile. */
export async function chartExport(): Promise<string> {
  const found = (await realExports()).find(({ name }) =>
    name.includes(`${join('render', 'chart')}`),
  );
  if (!found) throw new Error('the chart fixture was not exported');
  return found.input.html;
}

/** A public document around `body`, as the renderer frames one. */
export function documentOf(body: string): string {
  return renderDocument({
    title: 'Gate',
    classification: 'public',
    mode: 'public',
    bodyHtml: body,
    symbolsUsed: [],
    legend: [],
    generator: 'test',
  });
}

/**
 * `html` after one to four random edits: a snippet put in, up to 80 characters dropped,
 * or a piece of the document copied elsewhere, at `position`s (anywhere by default).
 */
export function editedCopies(
  html: string,
  snippets: readonly string[],
  position: fc.Arbitrary<number> = fc.integer({ min: 0, max: html.length }),
): fc.Arbitrary<string> {
  const edit = fc.oneof(
    fc.tuple(position, fc.constantFrom(...snippets)).map(([p, text]) => ({ p, drop: 0, text })),
    fc.tuple(position, fc.integer({ min: 1, max: 80 })).map(([p, drop]) => ({ p, drop, text: '' })),
    fc.tuple(position, position, fc.integer({ min: 1, max: 200 })).map(([p, from, length]) => ({
      p,
      drop: 0,
      text: html.slice(from, from + length),
    })),
  );
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    let text = html;
    for (const { p, drop, text: inserted } of edits) {
      const place = Math.min(p, text.length);
      text = text.slice(0, place) + inserted + text.slice(place + drop);
    }
    return text;
  });
}
