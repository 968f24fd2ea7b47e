import { renderDocx } from '../engine/index.js';
import { displayPath } from './reporter.js';
import { writeExport } from './safe-write.js';

/** REPORT.html -> REPORT.docx (REPORT.exempt.html -> REPORT.exempt.docx), in the same folder. */
export function docxPath(htmlFile: string): string {
  return htmlFile.replace(/\.html?$/i, '') + '.docx';
}

/**
 * Writes the Word file of an export beside its HTML, from the HTML just written, under
 * the same rules: atomically, never over the report, never over a file this tool did
 * not write (or that someone has since edited and saved) unless forced.
 */
export async function exportDocxBeside(
  html: string,
  htmlFile: string,
  report: string,
  force: boolean,
  progress: string,
  io: { readonly out: (text: string) => void; readonly err: (text: string) => void },
): Promise<boolean> {
  const docxFile = docxPath(htmlFile);
  let bytes: Uint8Array;
  try {
    bytes = await renderDocx(html);
  } catch (error) {
    io.err(`${progress}: Word file not written: ${(error as Error).message}`);
    return false;
  }
  const written = await writeExport(docxFile, bytes, { source: report, force });
  if (!written.ok) {
    io.err(`${progress}: Word file not written: ${written.reason}`);
    return false;
  }
  io.out(`${progress} -> ${displayPath(docxFile)}`);
  return true;
}
