import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { docxPath } from './docx.js';
import { displayPath } from './reporter.js';
import { notRegularFile } from './safe-write.js';

/**
 * Why the planned outputs of an export cannot all be written, before any report is read:
 * an --out-dir that is not a folder, an output path that is a folder, pipe or device, or
 * two reports whose exports would take one name (a/report.md and b/report.md into one
 * --out-dir), where the second would silently replace the first.
 */
export async function outputsProblem(
  reports: readonly string[],
  options: { readonly outDir?: string; readonly pdf: boolean; readonly docx: boolean },
  outputPath: (report: string) => string,
): Promise<string | undefined> {
  if (options.outDir !== undefined) {
    const info = await stat(options.outDir).catch(() => undefined);
    if (info && !info.isDirectory())
      return `--out-dir ${options.outDir} exists and is not a folder`;
  }
  const owners = new Map<string, string>();
  for (const report of reports) {
    const html = outputPath(report);
    const files = [
      html,
      ...(options.pdf ? [pdfPath(html)] : []),
      ...(options.docx ? [docxPath(html)] : []),
    ];
    for (const file of files) {
      const key = resolve(file);
      const other = owners.get(key);
      if (other !== undefined) {
        return `${displayPath(other)} and ${displayPath(report)} would both be exported to ${displayPath(file)}; export them into different folders (--out-dir) or one at a time with -o`;
      }
      owners.set(key, report);
      const problem = await notRegularFile(displayPath(file));
      if (problem) return problem;
    }
  }
  return undefined;
}

/** The PDF written beside an HTML export. */
export function pdfPath(htmlFile: string): string {
  return htmlFile.replace(/\.html?$/i, '') + '.pdf';
}
