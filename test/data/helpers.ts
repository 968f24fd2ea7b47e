import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Message, SourcePlace } from '../../src/engine/types.js';

export const fixtures = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'data',
);

/** A fresh temporary folder (real path, so symlinked /tmp does not confuse comparisons). */
export function tempDir(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-data-')));
}

/** Writes files (relative path -> text) under `dir` and returns `dir`. */
export function writeFiles(dir: string, files: Readonly<Record<string, string>>): string {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Where a report in `dir` names its data (front matter line 5). */
export function reportPlace(dir: string): SourcePlace {
  return { file: path.join(dir, 'report.md'), line: 5, column: 7 };
}

/** `file:line:column ruleId` lines, easy to compare and to read in a failing test. */
export function brief(messages: readonly Message[]): string[] {
  return messages.map((m) => `${path.basename(m.file)}:${m.line}:${m.column} ${m.ruleId}`);
}
