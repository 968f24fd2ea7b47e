import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type RenderResult, RULES } from '../../engine/index.js';

export type ExportMode = 'public' | 'exempt';
/** The HTML the agenda pack publishes, or the Word file made from it. */
export type ExportFormat = 'html' | 'docx';

/**
 * `report.md` -> `report.html` (public) or `report.exempt.html`, beside the report;
 * `report.docx` or `report.exempt.docx` for Word.
 */
export function exportPath(
  reportPath: string,
  mode: ExportMode,
  format: ExportFormat = 'html',
): string {
  const dir = path.dirname(reportPath);
  const base = path.basename(reportPath).replace(/\.(md|markdown)$/i, '');
  return path.join(dir, `${base}${mode === 'public' ? '' : '.exempt'}.${format}`);
}

const GENERATOR = /<meta\s+name=["']?generator["']?\s+content=["']?Scorecard Markdown/i;

/** Whether an existing file is one of our exports (then it may be replaced silently). */
export function isOurExport(html: string): boolean {
  return GENERATOR.test(html.slice(0, 4096));
}

/**
 * 'write' when the file is absent or ours; 'ask' when it belongs to someone else. A Word
 * file is ours while this tool is its last editor (`isOurWordFile`, the engine's
 * readDocxGenerator): once someone has saved it in Word it is theirs.
 */
export async function overwriteDecision(
  target: string,
  isOurWordFile?: (bytes: Uint8Array) => boolean,
): Promise<'write' | 'ask'> {
  let existing: Buffer;
  try {
    existing = await readFile(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'write';
    throw error;
  }
  if (path.extname(target).toLowerCase() === '.docx')
    return isOurWordFile?.(existing) ? 'write' : 'ask';
  return isOurExport(existing.toString('utf8')) ? 'write' : 'ask';
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
export async function writeAtomically(target: string, content: string | Uint8Array): Promise<void> {
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await writeFile(temp, content, typeof content === 'string' ? 'utf8' : undefined);
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
