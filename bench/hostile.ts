/**
 * Reports of about 100 KB written as an attacker or a careless author would: nesting,
 * delimiter runs and many small containers that make a Markdown parser's work grow
 * faster than the text (issue 12). Each was 5 to over 60 s, or a stack overflow, before
 * the pre-scans of src/engine/report/work-limits.ts; `npm run bench` times check and
 * render of each. The last ones are accepted: the worst the limits still let through.
 */
export interface HostileCase {
  readonly name: string;
  /** Held to the 2 s target; the accepted worst cases are measured and shown only. */
  readonly target: boolean;
  readonly body: () => string;
}

export const HOSTILE_HEAD = '---\ntitle: Hostile\n---\n\n';

const SIZE = 100_000;

const fill = (unit: string, size = SIZE) => unit.repeat(Math.ceil(size / unit.length));
const paragraphs = (block: string) =>
  Array.from({ length: Math.ceil(SIZE / (block.length + 2)) }, () => block).join('\n\n');
const ids = (n: number) => Array.from({ length: n }, (_, i) => `X${i}`).join(',');
const footnotes = (n: number) =>
  Array.from({ length: n }, (_, i) => `See note[^${i}].\n\n[^${i}]: A note.`).join('\n\n');

export const HOSTILE: readonly HostileCase[] = [
  { name: 'nested list markers (- - - …)', target: true, body: () => `${fill('- ')}x\n` },
  { name: 'nested ordered list markers (1. 1. …)', target: true, body: () => `${fill('1. ')}x\n` },
  { name: 'nested block quotes (>>> …)', target: true, body: () => `${fill('>')} x\n` },
  { name: 'emphasis openers (*a ×50,000)', target: true, body: () => `${fill('*a')}\n` },
  { name: 'nested labels ([[[ …)', target: true, body: () => `${fill('[')}\n` },
  { name: 'link openers ([a]( ×25,000)', target: true, body: () => `${fill('[a](')}\n` },
  {
    // 1,997 rows and the header: just under the 2,000-line block limit; past the 500-row
    // table limit, so it is refused before it is parsed.
    name: 'table of 1,997 rows with inline markup (118 KB)',
    target: true,
    body: () =>
      `| a | b | c | d | e |\n|---|---|---|---|---|\n${'| **1** | *2* | [3](u) | `4` | five five five five five |\n'.repeat(1997)}`,
  },
  {
    name: 'footnotes (3,000 references and definitions)',
    target: true,
    body: () => footnotes(3000),
  },
  {
    name: 'scorecard of 20,000 ids',
    target: true,
    body: () => `::scorecard{ids="${ids(20_000)}"}\n`,
  },
  {
    name: 'accepted: paragraphs of 200 emphasis markers',
    target: false,
    body: () => paragraphs('*a'.repeat(100)),
  },
  {
    name: 'accepted: quotes of lists nested 32 deep, repeated',
    target: false,
    body: () => paragraphs(`${'> '.repeat(16)}${'- '.repeat(15)}x`),
  },
  { name: 'accepted: 200 footnotes', target: false, body: () => footnotes(200) },
  {
    name: 'accepted: a table of 500 rows with inline markup',
    target: false,
    body: () =>
      `| a | b | c | d | e |\n|---|---|---|---|---|\n${'| **1** | *2* | [3](u) | `4` | five five five five five |\n'.repeat(500)}`,
  },
];
