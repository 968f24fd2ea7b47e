import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderDocument, type DocumentInput } from '../../src/engine/html/document.js';
import { FIXTURE_BODY } from '../html/fixture-body.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLES = join(REPO, 'samples');

export interface TestDocument {
  readonly name: string;
  readonly html: string;
  /** True for a render whose export would be refused (errors). */
  readonly refused?: boolean;
}

const fixtureInput: DocumentInput = {
  title: 'Children in Care Performance Report',
  meeting: 'Corporate Parenting Panel, 15 July 2024',
  periodLabel: 'Q4 2023/24 (January to March 2024)',
  classification: 'exempt',
  mode: 'exempt',
  bodyHtml: FIXTURE_BODY,
  symbolsUsed: ['c', 'x'],
  legend: [],
  generator: 'Scorecard Markdown 0.1.0',
};

/** The hand-made body (every class the stylesheet serves) in each mode. */
export function fixtureDocuments(): TestDocument[] {
  return (['public', 'exempt', 'preview'] as const).map((mode) => ({
    name: `fixture (${mode})`,
    html: renderDocument({ ...fixtureInput, mode }),
  }));
}

/** Every sample report (samples/**\/*.md, outputs excluded), as committees and authors see it. */
export async function sampleReports(): Promise<string[]> {
  const entries = await readdir(SAMPLES, { recursive: true }).catch(() => [] as string[]);
  return entries
    .filter((entry) => entry.endsWith('.md') && !entry.split(/[\\/]/).includes('out'))
    .map((entry) => join(SAMPLES, entry))
    .sort();
}

/** Each sample as the public and exempt agenda-pack versions and as its author previews it. */
export async function sampleDocuments(): Promise<TestDocument[]> {
  const dfe = process.env['SCORECARD_DFE_DIR'] ?? join(REPO, '..', 'shared', 'data', 'dfe');
  // Imported here so a broken engine fails the sample checks, not the fixture's.
  const { createEngine } = await import('../../src/engine/index.js');
  const engine = createEngine({ allowedRoots: [dfe] });
  const documents: TestDocument[] = [];
  for (const path of await sampleReports()) {
    const text = await readFile(path, 'utf8');
    for (const mode of ['public', 'exempt', 'preview'] as const) {
      const result = await engine.render(text, { path, mode, allowExemptAsPublic: true });
      documents.push({
        name: `${relative(REPO, path)} (${mode})`,
        html: result.html,
        refused: result.refused,
      });
    }
  }
  return documents;
}
