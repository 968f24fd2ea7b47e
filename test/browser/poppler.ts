import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs a poppler-utils tool, saying how to get it when it is missing. */
async function poppler(tool: string, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await run(tool, [...args], { encoding: 'utf8' });
    return stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} not found; apt-get install -y poppler-utils`);
    }
    throw error;
  }
}

export interface PdfInfo {
  readonly pages: number;
  /** `595.276 x 841.89 pts (A4)` */
  readonly pageSize: string;
}

export async function pdfInfo(file: string): Promise<PdfInfo> {
  const out = await poppler('pdfinfo', [file]);
  const field = (name: string): string =>
    new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(out)?.[1]?.trim() ?? '';
  return { pages: Number(field('Pages')), pageSize: field('Page size') };
}

export async function pdfPageText(file: string, page: number): Promise<string> {
  return poppler('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-']);
}

/**
 * The share of non-white pixels on a page, from a greyscale render (PGM) at `dpi`:
 * a blank or nearly blank page is what a broken print stylesheet produces.
 */
export async function inkShare(
  file: string,
  page: number,
  outPrefix: string,
  dpi = 50,
): Promise<number> {
  await renderPage(file, page, outPrefix, dpi, '-gray');
  const pixels = parsePgm(await readFile(`${outPrefix}.pgm`));
  let ink = 0;
  for (const value of pixels) if (value < 235) ink += 1;
  return ink / pixels.length;
}

/** Renders a page to PNG, for a person to look at. */
export async function renderPng(
  file: string,
  page: number,
  outPrefix: string,
  dpi = 50,
): Promise<string> {
  await renderPage(file, page, outPrefix, dpi, '-png');
  return `${outPrefix}.png`;
}

/** One page through pdftoppm: `-gray` writes `<outPrefix>.pgm`, `-png` `<outPrefix>.png`. */
async function renderPage(
  file: string,
  page: number,
  outPrefix: string,
  dpi: number,
  format: '-gray' | '-png',
) {
  const only = String(page);
  await poppler('pdftoppm', [
    format,
    '-r',
    String(dpi),
    '-f',
    only,
    '-l',
    only,
    '-singlefile',
    file,
    outPrefix,
  ]);
}

/** Binary PGM (P5, 8-bit): the pixel bytes after a header of four whitespace-separated fields. */
export function parsePgm(data: Uint8Array): Uint8Array {
  const fields: string[] = [];
  let at = 0;
  while (fields.length < 4) {
    while (at < data.length && /\s/.test(String.fromCharCode(data[at]!))) at += 1;
    if (data[at] === 0x23) {
      while (at < data.length && data[at] !== 0x0a) at += 1;
      continue;
    }
    let field = '';
    while (at < data.length && !/\s/.test(String.fromCharCode(data[at]!)))
      field += String.fromCharCode(data[at++]!);
    fields.push(field);
  }
  const [magic, width, height, max] = fields;
  if (magic !== 'P5' || Number(max) > 255)
    throw new Error(`Not an 8-bit binary PGM: ${fields.join(' ')}`);
  const size = Number(width) * Number(height);
  return data.subarray(at + 1, at + 1 + size);
}
