/**
 * The colours of the exported document, in one place so the stylesheet, the charts and
 * the contrast test read the same values. Based on the GOV.UK Design System palette,
 * which the agenda pack's readers already know; every pair used for text reaches 4.5:1
 * and every graphic colour 3:1 against the page (WCAG 1.4.3 and 1.4.11).
 */
export const PALETTE = {
  page: '#ffffff',
  text: '#0b0c0c',
  secondaryText: '#505a5f',
  link: '#1d70b8',
  linkVisited: '#4c2c92',
  focus: '#ffdd00',
  focusText: '#0b0c0c',
  border: '#b1b4b6',
  /** Table borders and card frames: non-text graphics that carry structure. */
  strongBorder: '#505a5f',
  stripe: '#f3f2f1',
  ragGreen: '#00703c',
  ragGreenTint: '#e7f4ec',
  ragAmber: '#a35200',
  ragAmberTint: '#fdf0e2',
  ragRed: '#b8281a',
  ragRedTint: '#fbe9e7',
  ragNone: '#505a5f',
  ragNoneTint: '#f3f2f1',
  exempt: '#6f1f7a',
  exemptTint: '#f6edf8',
  problem: '#b8281a',
  problemTint: '#fff4f2',
  suppressedText: '#505a5f',
  overrideMark: '#a35200',
  overrideTint: '#fff7d6',
} as const;

export type PaletteName = keyof typeof PALETTE;

/**
 * Series colours for charts, in the order series are drawn. Each reaches 3:1 against the
 * page; charts still tell series apart by dash and marker so colour is never the only cue.
 */
export const CHART_COLOURS = [
  '#1d70b8',
  '#0b0c0c',
  '#a35200',
  '#6f1f7a',
  '#00703c',
  '#b8281a',
] as const;

/** The pairs the stylesheet draws text with: [foreground, background, purpose]. */
export const TEXT_PAIRS: readonly (readonly [PaletteName, PaletteName, string])[] = [
  ['text', 'page', 'body text'],
  ['secondaryText', 'page', 'subtitles, units, footer'],
  ['link', 'page', 'links'],
  ['linkVisited', 'page', 'visited links'],
  ['focusText', 'focus', 'focused link'],
  ['text', 'stripe', 'striped table rows'],
  ['secondaryText', 'stripe', 'units in striped rows'],
  ['text', 'ragGreenTint', 'green RAG label'],
  ['text', 'ragAmberTint', 'amber RAG label'],
  ['text', 'ragRedTint', 'red RAG label'],
  ['text', 'ragNoneTint', 'no-RAG label'],
  ['exempt', 'exemptTint', 'exempt label'],
  ['text', 'exemptTint', 'exempt content'],
  ['problem', 'problemTint', 'problem marker'],
  ['suppressedText', 'page', 'suppressed figure'],
  ['text', 'overrideTint', 'small-number override'],
];

/** The pairs the stylesheet draws graphics with (bars, borders that carry meaning). */
export const GRAPHIC_PAIRS: readonly (readonly [PaletteName, PaletteName, string])[] = [
  ['ragGreen', 'ragGreenTint', 'green RAG bar'],
  ['ragAmber', 'ragAmberTint', 'amber RAG bar'],
  ['ragRed', 'ragRedTint', 'red RAG bar'],
  ['ragNone', 'ragNoneTint', 'no-RAG bar'],
  ['ragGreen', 'page', 'green RAG bar on the page'],
  ['ragAmber', 'page', 'amber RAG bar on the page'],
  ['ragRed', 'page', 'red RAG bar on the page'],
  ['strongBorder', 'page', 'card frame'],
  ['exempt', 'page', 'exempt frame'],
  ['problem', 'page', 'problem frame'],
  ['overrideMark', 'page', 'small-number override underline'],
  ['focusText', 'focus', 'focus outline'],
];
