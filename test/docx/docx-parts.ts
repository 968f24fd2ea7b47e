/** Reading a .docx back in tests: its parts as text, and its paragraphs with their styles. */
import { strFromU8, unzipSync } from 'fflate';

export function docxParts(bytes: Uint8Array): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (/\.(xml|rels)$/.test(name)) parts[name] = strFromU8(data);
  }
  return parts;
}

export interface DocxParagraph {
  readonly style: string | undefined;
  readonly text: string;
}

/** Every paragraph of a part (tables' included), in order, with its style id. */
export function paragraphs(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>|<w:p [^>]*>(.*?)<\/w:p>/gs)].map((match) => {
    const body = match[1] ?? match[2] ?? '';
    return {
      style: /<w:pStyle w:val="([^"]*)"\/>/.exec(body)?.[1],
      text: [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
        .map((t) => decodeXml(t[1] ?? ''))
        .join(''),
    };
  });
}

/** All the text a reader of the part sees, paragraphs one per line. */
export function visibleText(xml: string): string {
  return paragraphs(xml)
    .map((p) => p.text)
    .join('\n');
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&amp;/g, '&');
}

/** The `descr` (alternative text) of every picture in the part. */
export function pictureDescriptions(xml: string): string[] {
  return [...xml.matchAll(/<wp:docPr [^>]*?descr="([^"]*)"/g)].map((m) => decodeXml(m[1] ?? ''));
}

export function pictureCount(xml: string): number {
  return (xml.match(/<wp:docPr /g) ?? []).length;
}
