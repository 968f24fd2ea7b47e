import { isUtf8 } from 'node:buffer';
import { RULES, createMessage } from '../messages.js';
import type { Message } from '../types.js';
import { LineIndex } from '../line-index.js';

/**
 * The door every report and data file comes in by. Text is UTF-8 only (a BOM is fine):
 * anything else is refused, never read with replacement characters, because a report
 * read wrongly (UTF-16 from Notepad, Latin-1 from an old system) loses its front matter
 * and its `:::exempt` fences and would be published whole. Line ends become LF before
 * anything else reads the text, so CRLF and CR mean exactly what LF means.
 */
export type Decoded =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: Message };

const REPLACEMENT = '\uFFFD';

/** Bytes read from disk (the CLI's report, every data file) -> normalised text. */
export function decodeBytes(bytes: Uint8Array, file: string, what = 'file'): Decoded {
  const utf16 = utf16Evidence(bytes);
  if (utf16 !== undefined) {
    return refuse(
      file,
      positionOfBytes(bytes, utf16),
      looksLikeUtf16(bytes)
        ? `This ${what} looks like UTF-16 (saved as "Unicode"); save it as UTF-8 and try again`
        : `This ${what} is not text (a NUL byte here: a spreadsheet, PDF or other binary file?); it must be UTF-8 text${what === 'report' ? '' : ' (from Excel, save as "CSV UTF-8")'}`,
    );
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    const byte = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return refuse(
      file,
      positionOfBytes(bytes, bad),
      `This ${what} is not UTF-8 (byte 0x${byte} here; a Latin-1, Windows-1252 or binary file?): save it as UTF-8`,
    );
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return normaliseText(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', start),
    file,
    what,
  );
}

/**
 * Text that arrived already decoded (an editor's document). U+FFFD means the editor could
 * not decode the file and NUL means a binary or UTF-16 file: either way the text is not
 * what the author wrote, so it is refused like bad bytes.
 */
export function normaliseText(text: string, file: string, what = 'file'): Decoded {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const normal = body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body;
  const nul = normal.indexOf('\0');
  const replacement = normal.indexOf(REPLACEMENT);
  if (nul === -1 && replacement === -1) return { ok: true, text: normal };
  const at = nul === -1 ? replacement : replacement === -1 ? nul : Math.min(nul, replacement);
  const reason =
    at === nul
      ? `This ${what} contains a NUL character: it looks like UTF-16 or a binary file; save it as UTF-8`
      : `This ${what} contains U+FFFD (the replacement character): it was not read as UTF-8, so its text is not what was written; save it as UTF-8`;
  return refuse(file, new LineIndex(normal).position(at), reason);
}

/**
 * Whether normalising would leave `text` as it is and accept it: no CR, NUL or U+FFFD, and
 * no byte order mark at its start when it stands at the start of the whole text. For the
 * characters a keystroke put into a text the door already accepted.
 */
export function alreadyNormal(text: string, atStart: boolean): boolean {
  return !/[\r\0\uFFFD]/.test(text) && !(atStart && text.charCodeAt(0) === 0xfeff);
}

function refuse(file: string, at: { line: number; column: number }, reason: string): Decoded {
  return { ok: false, message: createMessage(RULES.encoding, reason, { file, ...at }) };
}

/**
 * Where UTF-16 gives itself away: a UTF-16 (or UTF-32) byte order mark, or a NUL byte,
 * which no text file in UTF-8 has and every ASCII character in UTF-16 brings.
 */
function utf16Evidence(bytes: Uint8Array): number | undefined {
  if (startsWithUtf16Bom(bytes)) return 0;
  const nul = bytes.indexOf(0);
  return nul === -1 ? undefined : nul;
}

/** A UTF-16 byte order mark, either way round (a UTF-32 LE one starts the same). */
function startsWithUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** How many leading bytes decide between UTF-16 text and a binary file. */
const SNIFF_BYTES = 512;

/**
 * Whether bytes that hold a NUL are UTF-16 text rather than a binary file: a byte order
 * mark, or a start where nearly every pair of bytes has its NUL on the same side (ASCII
 * text in UTF-16), which a binary's runs of NULs and stray ones do not have.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  if (startsWithUtf16Bom(bytes)) return true;
  const pairs = Math.floor(Math.min(bytes.length, SNIFF_BYTES) / 2);
  let nulFirst = 0;
  let nulSecond = 0;
  for (let i = 0; i < pairs; i++) {
    const first = bytes[2 * i] === 0;
    const second = bytes[2 * i + 1] === 0;
    if (first && !second) nulFirst++;
    else if (second && !first) nulSecond++;
  }
  return pairs > 0 && Math.max(nulFirst, nulSecond) >= 0.8 * pairs;
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  if (isUtf8(bytes)) return -1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      const lo = k === 1 ? low : 0x80;
      const hi = k === 1 ? high : 0xbf;
      if (next === undefined || next < lo || next > hi) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Line and column of a byte offset, as an editor shows them: the valid text before it,
 * decoded, with CRLF, CR and LF each one line break and columns in UTF-16 units.
 */
function positionOfBytes(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = Buffer.from(bytes.buffer, bytes.byteOffset, offset).toString('utf8');
  const text = before.charCodeAt(0) === 0xfeff ? before.slice(1) : before;
  const normal = text.replace(/\r\n?/g, '\n');
  return new LineIndex(normal).position(normal.length);
}
