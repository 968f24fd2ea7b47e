import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../src/engine/index.js';
import type { EngineOptions, RenderResult } from '../../src/engine/index.js';

/** Renders a report written beside the given data files in a fresh folder. */
export async function renderWith(
  report: string,
  files: Readonly<Record<string, string>>,
  options: EngineOptions = {},
  mode: 'preview' | 'public' | 'exempt' = 'exempt',
): Promise<RenderResult> {
  const folder = mkdtempSync(join(tmpdir(), 'scorecard-language-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
    return await createEngine(options).render(report, { path: join(folder, 'report.md'), mode });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The report's text with tags removed, spaces collapsed: what a reader reads. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#xA0;/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:)])/g, '$1')
    .trim();
}

export const front = (period: string, data = 'data.yaml'): string =>
  `---\ntitle: T\nperiod: ${period}\ndata: ${data}\n---\n\n`;
