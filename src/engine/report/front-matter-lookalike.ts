import { distance } from 'fastest-levenshtein';
import { RULES, createMessage } from '../messages.js';
import type { Message } from '../types.js';

/**
 * Front matter the parser did not read is worse than none: `classification: exempt`
 * becomes a heading or a paragraph and the report is published. This looks at the text
 * as a careless author leaves it (blank lines or spaces before `---`, `----`, `+++`, a
 * Word dash, a `...` closer, no fences at all, a classification line further down) and
 * refuses whatever looks like front matter but was not read as such.
 */

const KEYS = ['title', 'meeting', 'period', 'data', 'classification'];
/** Spaces and the invisible characters a copy from Word or the web leaves behind. */
const INVISIBLE = /[\s\u00a0\u200b-\u200d\u2060\ufeff]/g;
/** A line of three or more dashes, pluses, dots and the like: a fence someone meant. */
const FENCE_LIKE = /^(?:[-+=.~_*\u2010-\u2015\u2212]){3,}$/;
const KEY_VALUE = /^\s*([A-Za-z][\w -]{0,30}?)\s*[:=]\s*(.*)$/;
/** Other words an author might use for the classification. */
const MARKING_KEYS =
  /^(class|classified|status|security|marking|protective marking|sensitivity|confidentiality|part)$/;
const CODE_FENCE = /^ {0,3}(`{3,}|~{3,})/;

function isKeyLike(key: string): boolean {
  const lower = key.toLowerCase().trim();
  return KEYS.some((known) => distance(lower, known) <= (known.length > 6 ? 3 : 1));
}

function isClassificationLike(key: string, value: string): boolean {
  const lower = key.toLowerCase().trim();
  return (
    distance(lower, 'classification') <= 4 ||
    (/^["']?(public|exempt)["']?$/i.test(value.trim()) && MARKING_KEYS.test(lower))
  );
}

/** A line outside the front matter that reads as a classification (`Status: exempt`). */
function isClassificationLine(line: string): boolean {
  const match = KEY_VALUE.exec(line.replace(/^[\s>]*(?:[-*+]\s+)?/, ''));
  const key = match?.[1];
  const value = match?.[2] ?? '';
  return key !== undefined && /^\S+$/.test(value.trim()) && isClassificationLike(key, value);
}

/**
 * True when this check could say something of the line wherever it stands: a line for
 * which this is false in the old text and in the new one leaves every message as it was
 * (typing in a line keeps the door's answers: quiet-edit.ts).
 */
export function mayLookLikeFrontMatter(line: string): boolean {
  const key = KEY_VALUE.exec(line)?.[1];
  return (
    (key !== undefined && isKeyLike(key)) ||
    isClassificationLine(line) ||
    FENCE_LIKE.test(line.replace(INVISIBLE, ''))
  );
}

/**
 * Messages for front-matter look-alikes. `readLines` is the range of lines (1-based,
 * inclusive) the parser read as front matter, when it read any.
 */
export function frontMatterLookalikes(
  text: string,
  file: string,
  readLines: { readonly first: number; readonly last: number } | undefined,
  /** The line the classification was read from, when it was. */
  classificationLine?: number,
): Message[] {
  const lines = text.split('\n');
  const messages: Message[] = [];
  const at = (index: number, reason: string, column = 1) =>
    messages.push(
      createMessage(RULES.frontMatterInvalid, reason, { file, line: index + 1, column }),
    );
  if (!readLines) {
    const first = lines.findIndex((line) => line.replace(INVISIBLE, '') !== '');
    const line = lines[first] ?? '';
    const bare = line.replace(INVISIBLE, '');
    if (first !== -1 && FENCE_LIKE.test(bare)) {
      const column = line.search(/\S/) + 1;
      if (first > 0 && bare === '---') {
        at(
          first,
          'Front matter must start on the first line: remove the blank line(s) before `---`',
        );
      } else if (line !== bare && bare === '---') {
        at(
          first,
          'Front matter opens with `---` at the start of the line: remove the spaces before it',
          column,
        );
      } else if (bare !== '---') {
        at(first, `Front matter opens with exactly \`---\`, not \`${bare}\``, column);
      } else {
        at(
          first,
          'This front matter is not closed: end it with a line of exactly `---` (not `...`)',
        );
      }
    } else if (first !== -1) {
      // `title: ...` lines at the top with no fences at all.
      for (let i = first; i < lines.length && (lines[i] ?? '').trim() !== ''; i++) {
        const match = KEY_VALUE.exec(lines[i] ?? '');
        if (match?.[1] && isKeyLike(match[1])) {
          at(
            i,
            'This looks like front matter but is not fenced: put a line `---` before and after it, starting on the first line',
          );
          break;
        }
      }
    }
  }
  // A classification written anywhere else is never read.
  let fence: string | undefined;
  for (const [i, line] of lines.entries()) {
    if (readLines && i + 1 >= readLines.first && i + 1 <= readLines.last) {
      // Inside the front matter, a classification line that was not the one read is part
      // of another value (an indented line under a folded or quoted title).
      const inside = KEY_VALUE.exec(line);
      if (
        i + 1 !== classificationLine &&
        i + 1 !== readLines.first &&
        i + 1 !== readLines.last &&
        inside?.[1] &&
        distance(inside[1].toLowerCase().trim(), 'classification') <= 4 &&
        // A misspelt key of its own at the margin is an unknown key, said as such.
        (/^\s/.test(line) || inside[1].trim() === 'classification')
      ) {
        at(
          i,
          'This classification line is read as part of the value above it, not as the classification: write `classification:` at the start of its own line',
          line.search(/\S/) + 1,
        );
      }
      continue;
    }
    const code = CODE_FENCE.exec(line)?.[1];
    if (code && (!fence || (code.startsWith(fence.charAt(0)) && code.length >= fence.length))) {
      fence = fence ? undefined : code;
      continue;
    }
    if (fence) continue;
    if (isClassificationLine(line)) {
      at(
        i,
        'A classification outside the front matter is not read: put it in the front matter at the top of the report',
        line.search(/\S/) + 1,
      );
    }
  }
  return messages;
}
