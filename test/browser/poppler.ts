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

export interface WordBox {
  readonly page: number;
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** Every word of the PDF with its box in points (`pdftotext -bbox`), page by page. */
export async function pdfWords(file: string): Promise<WordBox[]> {
  const html = await poppler('pdftotext', ['-bbox', file, '-']);
  const words: WordBox[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (/<page\b/.test(line)) page += 1;
    const word =
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/.exec(
        line,
      );
    if (word) {
      const [, xMin, yMin, xMax, yMax, text] = word;
      words.push({
        page,
        text: text!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
        xMin: Number(xMin),
        yMin: Number(yMin),
        xMax: Number(xMax),
        yMax: Number(yMax),
      });
    }
  }
  return words;
}

/** A4 in points, and the content box the stylesheet's `@page` margins (18mm 15mm) leave. */
export const A4 = { width: 595.28, height: 841.89, marginX: 42.52, marginY: 51.02 } as const;

/**
 * How far down each page its content reaches, as a share of the content box's height
 * (0 to 1), leaving out the running header and page number in the margins.
 */
export function pageFill(words: readonly WordBox[], pages: number): number[] {
  const top = A4.marginY;
  const bottom = A4.height - A4.marginY;
  return Array.from({ length: pages }, (_, i) => {
    const inside = words.filter(
      (w) => w.page === i + 1 && w.yMin >= top - 1 && w.yMax <= bottom + 1,
    );
    const lowest = Math.max(top, ...inside.map((w) => w.yMax));
    return (lowest - top) / (bottom - top);
  });
}
