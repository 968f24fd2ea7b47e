import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RenderResult } from '../../engine/api.js';
import { RULES } from '../../engine/messages.js';

export type ExportMode = 'public' | 'exempt';

/** `report.md` -> `report.html` (public) or `report.exempt.html`, beside the report. */
export function exportPath(reportPath: string, mode: ExportMode): string {
  const dir = path.dirname(reportPath);
  const base = path.basename(reportPath).replace(/\.(md|markdown)$/i, '');
  return path.join(dir, mode === 'public' ? `${base}.html` : `${base}.exempt.html`);
}

const GENERATOR = /<meta\s+name=["']?generator["']?\s+content=["']?Scorecard Markdown/i;

/** Whether an existing file is one of our exports (then it may be replaced silently). */
export function isOurExport(html: string): boolean {
  return GENERATOR.test(html.slice(0, 4096));
}

/** 'write' when the file is absent or ours; 'ask' when it belongs to someone else. */
export async function overwriteDecision(target: string): Promise<'write' | 'ask'> {
  let existing: string;
  try {
    existing = await readFile(target, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'write';
    throw error;
  }
  return isOurExport(existing) ? 'write' : 'ask';
}

/**
 * Why a public render was refused: only small numbers (the author may override after
 * being asked) or anything else (never exported).
 */
export function refusalKind(result: RenderResult): 'none' | 'small-numbers' | 'errors' {
  if (!result.refused) return 'none';
  const blocking = result.messages.filter((m) => m.severity === 'error');
  const small = result.messages.some((m) => m.ruleId === RULES.smallNumber);
  if (small && blocking.every((m) => m.ruleId === RULES.smallNumber)) return 'small-numbers';
  return 'errors';
}

/** Writes beside the target and renames, so a reader never sees half a file. */
export async function writeAtomically(target: string, content: string): Promise<void> {
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await writeFile(temp, content, 'utf8');
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
