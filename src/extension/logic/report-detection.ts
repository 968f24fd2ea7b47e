import { DIRECTIVES } from './directive-specs.js';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/;
const DATA_KEY = /^data\s*:/m;
const DIRECTIVE_USE = new RegExp(
  `(?:^|[^\\w:\\\\]):{1,3}(?:${DIRECTIVES.map((d) => d.name).join('|')})(?=[{\\[\\s]|$)`,
  'm',
);

/**
 * Whether a Markdown document is a Scorecard report. Only reports get diagnostics and a
 * status bar item, so plain Markdown files (READMEs, notes) are never flagged.
 */
export function looksLikeReport(text: string): boolean {
  const front = FRONT_MATTER.exec(text);
  if (front && DATA_KEY.test(front[1] ?? '')) return true;
  return DIRECTIVE_USE.test(text);
}
