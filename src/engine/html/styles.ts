import { PALETTE } from './palette.js';

/** `--sc-page`, `--sc-ragGreen`...: the palette as custom properties so the rules below stay readable. */
const customProperties = Object.entries(PALETTE)
  .map(([name, value]) => `  --sc-${name}: ${value};`)
  .join('\n');

/**
 * The stylesheet of every exported document and of the preview (the preview uses the
 * same CSS so reviewers see what the committee will see). Colour is decoration only:
 * RAG, change and exempt content are told by words and shapes in the text, and the bars
 * and frames here keep them apart in greyscale print too.
 */
export const DOCUMENT_CSS = `:root {
${customProperties}
  color-scheme: light;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--sc-page);
  color: var(--sc-text);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  font-size: 1.1875rem;
  line-height: 1.5;
}
.sc-skip {
  position: absolute; left: 0.5rem; top: -4rem;
  padding: 0.5rem 0.75rem; background: var(--sc-focus); color: var(--sc-focusText);
}
.sc-skip:focus { top: 0.5rem; }
/* Width by margins, not padding, so the header rule lines up with the text. */
.sc-header, main, .sc-legend, .sc-footer { width: min(60rem, 100% - 2.5rem); margin-left: auto; margin-right: auto; }
.sc-header { padding-top: 1.5rem; padding-bottom: 1rem; border-bottom: 0.625rem solid var(--sc-text); margin-bottom: 1.5rem; }
.sc-header__title { font-size: 2.25rem; line-height: 1.15; margin: 0 0 0.5rem; }
.sc-header__meeting, .sc-header__period { margin: 0.25rem 0 0; color: var(--sc-secondaryText); font-size: 1.1875rem; }
.sc-header__period { font-weight: 700; color: var(--sc-text); }
.sc-exempt-banner {
  margin: 0 0 1rem; padding: 0.5rem 0.75rem; font-weight: 700;
  color: var(--sc-exempt); background: var(--sc-exemptTint); border: 0.25rem solid var(--sc-exempt);
}
h1, h2, h3, h4 { line-height: 1.25; margin: 2rem 0 0.75rem; font-weight: 700; }
h2 { font-size: 1.75rem; }
h3 { font-size: 1.375rem; }
h4 { font-size: 1.1875rem; }
p, ul, ol, dl { margin: 0 0 1rem; }
a { color: var(--sc-link); text-decoration-thickness: max(1px, 0.0625rem); text-underline-offset: 0.15em; }
a:visited { color: var(--sc-linkVisited); }
a:hover { text-decoration-thickness: max(3px, 0.1875rem); }
a:focus-visible, [tabindex]:focus-visible, summary:focus-visible {
  outline: 3px solid transparent; color: var(--sc-focusText); background-color: var(--sc-focus);
  box-shadow: 0 -2px var(--sc-focus), 0 4px var(--sc-focusText); text-decoration: none;
}
:focus-visible { outline: 3px solid var(--sc-focusText); outline-offset: 2px; }
abbr[title] { text-decoration: underline dotted; cursor: help; }
img, svg { max-width: 100%; height: auto; }
code { font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.9em; }

/* Tables: author tables, scorecards and chart data tables alike. */
table { border-collapse: collapse; width: 100%; margin: 0 0 1.5rem; font-size: 1rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 700; padding: 0 0 0.5rem; }
th, td { padding: 0.5rem 0.75rem 0.5rem 0; border-bottom: 1px solid var(--sc-border); text-align: left; vertical-align: top; }
th:first-child, td:first-child { padding-left: 0.5rem; }
thead th { border-bottom: 2px solid var(--sc-strongBorder); vertical-align: bottom; }
tbody tr:nth-child(even) { background: var(--sc-stripe); }
th.sc-num, td.sc-num, .sc-num { text-align: right; font-variant-numeric: tabular-nums; }
.sc-table-wrap { overflow-x: auto; }

/* Figure cards (::indicator): title, big figure, unit, facts, sparkline, commentary. */
.sc-card {
  margin: 0 0 1.5rem; padding: 1rem 1.25rem;
  border: 1px solid var(--sc-strongBorder); border-left: 0.5rem solid var(--sc-ragNone);
}
.sc-card--green { border-left-color: var(--sc-ragGreen); }
.sc-card--amber { border-left-color: var(--sc-ragAmber); }
.sc-card--red { border-left-color: var(--sc-ragRed); }
.sc-card__title { margin: 0 0 0.5rem; font-size: 1.375rem; }
.sc-card__id { display: inline-block; margin-right: 0.25em; color: var(--sc-secondaryText); font-weight: 400; font-variant-numeric: tabular-nums; }
.sc-card__figure { margin: 0 0 0.25rem; font-size: 1.1875rem; line-height: 1.3; }
.sc-card__figure .sc-value { font-size: 3rem; line-height: 1.1; }
.sc-card__period { color: var(--sc-secondaryText); font-weight: 400; }
.sc-card__unit { display: block; margin: 0 0 0.75rem; color: var(--sc-secondaryText); font-size: 1rem; }
.sc-card__figure .sc-card__unit { display: inline; margin: 0; font-size: 1.1875rem; }
.sc-card__definition { margin: 0 0 0.75rem; font-size: 1rem; }
.sc-card__meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.35rem 1rem; margin: 0 0 1rem; font-size: 1rem; }
.sc-card__meta > div { display: contents; }
.sc-card__meta dt { font-weight: 700; }
.sc-card__meta dd { margin: 0; }
.sc-card__spark { display: block; margin: 0 0 1rem; max-width: 20rem; }
.sc-card__spark svg { display: block; width: 100%; height: auto; }
.sc-card__commentary { border-top: 1px solid var(--sc-border); padding-top: 0.75rem; }
.sc-card__commentary > :last-child { margin-bottom: 0; }
.sc-cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 0 1.5rem; }

/* RAG: the words and the shape are in the text; tint and bar only echo them. */
/* Inline, not inline-block: in a sentence it wraps like the words around it and never
   leaves an opening bracket alone at a line end (an atomic box would). */
.sc-rag {
  display: inline; padding: 0 0.4em; -webkit-box-decoration-break: clone; box-decoration-break: clone; border-left: 0.3em solid var(--sc-ragNone);
  background: var(--sc-ragNoneTint); color: var(--sc-text); font-weight: 700;
}
.sc-rag--green { border-left-color: var(--sc-ragGreen); background-color: var(--sc-ragGreenTint); }
.sc-rag--amber { border-left-color: var(--sc-ragAmber); background-color: var(--sc-ragAmberTint); }
.sc-rag--red { border-left-color: var(--sc-ragRed); background-color: var(--sc-ragRedTint); }
.sc-rag--none { border-left-color: var(--sc-ragNone); background-color: var(--sc-ragNoneTint); font-weight: 400; }
.sc-shape { display: inline; }
/* Words for assistive technology (and the Word export) that the shapes already show. */
.sc-vh { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0; }
.sc-change, .sc-benchmark, .sc-value, .sc-target { font-variant-numeric: tabular-nums; }
.sc-change--better .sc-shape, .sc-change--worse .sc-shape { font-weight: 700; }
.sc-value { font-weight: 700; }
.sc-value--missing, .sc-note { color: var(--sc-secondaryText); font-weight: 400; }
.sc-value--missing { font-style: italic; }
.sc-card__figure .sc-value--missing { font-size: 1.1875rem; }
.sc-symbol { font-weight: 700; }
abbr.sc-symbol[title], .sc-symbol abbr[title] { text-decoration: underline dotted; }
.sc-suppressed { color: var(--sc-suppressedText); font-style: italic; }
.sc-card__figure .sc-suppressed, td .sc-suppressed { font-style: normal; }
.sc-small-number-override { background: var(--sc-overrideTint); border-bottom: 2px solid var(--sc-overrideMark); }

/* Charts: headline title, statistical subtitle, SVG, text description, data table. */
.sc-chart { margin: 0 0 2rem; padding: 0; }
.sc-chart__title { display: block; margin: 0 0 0.25rem; font-size: 1.375rem; font-weight: 700; line-height: 1.25; }
.sc-chart__subtitle { display: block; margin: 0 0 0.75rem; color: var(--sc-secondaryText); font-size: 1rem; }
.sc-chart svg { display: block; width: 100%; max-width: 100%; height: auto; margin: 0 0 0.75rem; }
.sc-chart__desc { margin: 0 0 1rem; font-size: 1rem; }
.sc-chart table { font-size: 0.9375rem; }

/* Scorecard tables (::scorecard). */
.sc-scorecard th[scope="row"] { font-weight: 400; }
.sc-scorecard th[scope="row"] { min-width: 8em; }
/* Status and change are a few words joined by no-break spaces: they never wrap, so a
   dozen rows stay a line or two each. */
.sc-scorecard .sc-rag { display: inline-block; }
.sc-scorecard th[scope="row"] { min-width: 14em; overflow-wrap: break-word; }
/* A comparator's period under its name keeps the column as narrow as its figures. */
.sc-scorecard__period { display: block; white-space: nowrap; }

/* The one-glance summary (::summary): counts with word and shape. */
.sc-summary { margin: 0 0 1.5rem; padding: 0.75rem 1rem; border: 1px solid var(--sc-strongBorder); }
.sc-summary__title { margin: 0 0 0.5rem; font-weight: 700; }
.sc-summary__group { margin: 0 0 0.25rem; }
.sc-summary__label { font-weight: 700; }
.sc-summary__list { display: inline; margin: 0; padding: 0; list-style: none; }
.sc-summary__item { display: inline; margin: 0 1.25em 0 0; white-space: nowrap; font-variant-numeric: tabular-nums; }
.sc-summary__item--red { border-left: 0.3em solid var(--sc-ragRed); padding-left: 0.3em; }
.sc-summary__item--amber { border-left: 0.3em solid var(--sc-ragAmber); padding-left: 0.3em; }
.sc-summary__item--green { border-left: 0.3em solid var(--sc-ragGreen); padding-left: 0.3em; }

/* Exempt (Part B) blocks: only in the exempt export and the preview. */
.sc-exempt { margin: 0 0 1.5rem; padding: 0.75rem 1rem; border: 0.25rem dashed var(--sc-exempt); background: var(--sc-exemptTint); }
.sc-exempt__label,
.sc-exempt:not(:has(> .sc-exempt__label))::before {
  display: inline-block; margin: 0 0 0.5rem; padding: 0 0.4em;
  border: 2px solid var(--sc-exempt); color: var(--sc-exempt); font-weight: 700; font-size: 1rem;
}
.sc-exempt:not(:has(> .sc-exempt__label))::before { content: "Exempt"; display: table; }
.sc-exempt > :last-child { margin-bottom: 0; }

/* Problems, shown in place in the preview only. */
.sc-problem {
  display: inline; padding: 0 0.3em; color: var(--sc-problem); background: var(--sc-problemTint);
  border: 1px solid var(--sc-problem); font-weight: 700; font-size: 0.9em;
}
div.sc-problem, p.sc-problem { display: block; padding: 0.5rem 0.75rem; margin: 0 0 1rem; }
.sc-problem-block { margin: 0 0 1rem; }
.sc-problem-block:empty { display: none; }
.sc-problem-block .sc-problem { display: block; padding: 0.5rem 0.75rem; margin: 0 0 0.5rem; }

/* Legend of symbols and footer. */
.sc-legend { margin-top: 2rem; padding-top: 1rem; border-top: 1px solid var(--sc-border); font-size: 1rem; }
.sc-legend h2 { font-size: 1.375rem; margin-top: 0; }
.sc-legend dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
.sc-legend dt { font-weight: 700; min-width: 2ch; }
.sc-legend dd { margin: 0; }
.sc-footer { margin-top: 2rem; padding-top: 1rem; padding-bottom: 2rem; border-top: 1px solid var(--sc-border); color: var(--sc-secondaryText); font-size: 0.875rem; }

@media (forced-colors: active) {
  .sc-rag, .sc-exempt, .sc-problem, .sc-card, .sc-small-number-override { border-color: CanvasText; }
  .sc-card { border-left-style: double; }
}
@media (prefers-reduced-motion: reduce) {
  * { transition: none !important; animation: none !important; }
}

/* A4 print and PDF: what lands in the agenda pack's printed copy. */
@page { size: A4; margin: 18mm 15mm; }
@media print {
  :root { font-size: 10pt; }
  body { font-size: 11pt; line-height: 1.4; }
  .sc-skip { display: none; }
  .sc-header, main, .sc-legend, .sc-footer { width: auto; }
  .sc-header { padding-top: 0; border-bottom-width: 2mm; }
  .sc-header__title { font-size: 20pt; }
  h2 { font-size: 15pt; }
  h3, .sc-card__title, .sc-chart__title { font-size: 12.5pt; }
  h1, h2, h3, h4, caption, .sc-chart__title, .sc-chart__subtitle { break-after: avoid; page-break-after: avoid; }
  /* A card or a chart's table may run on to the next page rather than leave most of this
     one empty; its title stays with its figure, and a chart with its caption. */
  .sc-card__title, .sc-card__figure, figcaption { break-after: avoid; page-break-after: avoid; }
  /* Without this Chromium lets a caption of several lines end a page, the chart on the next. */
  .sc-chart > figcaption { break-inside: avoid; page-break-inside: avoid; }
  .sc-card__figure, .sc-card__meta > div, .sc-card__spark, .sc-exempt, svg, tr, thead, .sc-legend dl, .sc-summary { break-inside: avoid; page-break-inside: avoid; }
  /* Nothing is hidden behind a scroll on paper: tables wrap to the page instead. */
  .sc-table-wrap { overflow: visible; }
  pre, pre code { white-space: pre-wrap; overflow-wrap: anywhere; overflow: visible; }
  .sc-table-wrap:has(> .sc-scorecard) { break-inside: avoid; page-break-inside: avoid; }
  p { orphans: 3; widows: 3; }
  .sc-card__figure .sc-value { font-size: 24pt; }
  .sc-cards { grid-template-columns: 1fr 1fr; }
  a, a:visited { color: inherit; text-decoration: underline; }
  main a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; word-break: break-all; }
  thead { display: table-header-group; }
  table { font-size: 9pt; }
  th, td { padding: 1.2mm 2mm 1.2mm 0; }
  .sc-scorecard { font-size: 8.5pt; line-height: 1.3; }
  .sc-scorecard th, .sc-scorecard td { padding: 1mm 1.2mm 1mm 0; }
  .sc-scorecard th[scope="row"] { min-width: 13em; }
}
`;

/**
 * The running page header and footer of the printed copy: the report's title and period
 * at the top of every page and the page number at the bottom. Chromium draws @page margin
 * boxes since version 131, so they sit in the margin and never cover the text (a
 * position:fixed header would). Per document because CSS cannot read the title from the
 * page; the text goes through `cssString` so nothing in a title can end the style sheet.
 */
export function pageMarginCss(runningHeader: string): string {
  const box = `font-family: system-ui, "Liberation Sans", "DejaVu Sans", Arial, sans-serif; font-size: 8.5pt; color: ${PALETTE.secondaryText};`;
  return `@page {
  @top-left { content: ${cssString(runningHeader)}; ${box} vertical-align: bottom; padding-bottom: 3mm; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} vertical-align: top; padding-top: 3mm; }
}
`;
}

/**
 * A CSS string literal for any text. Quotes, backslashes and line breaks are escaped as
 * CSS requires, `<`, `>` and `&` as code points so `</style>` cannot appear, and line
 * breaks and other controls become spaces.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.charCodeAt(0);
    // A header is one line; CSS has no way to write NUL, so controls become spaces.
    if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) out += ' ';
    else if (/["\\<>&]/.test(char)) out += `\\${code.toString(16)} `;
    else out += char;
  }
  return `${out}"`;
}
