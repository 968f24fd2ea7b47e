/**
 * A hand-made report body that uses every class the document's stylesheet serves, in the
 * markup the directives emit: a card per RAG status, inline figures, a symbol, a
 * scorecard, a chart with its SVG, description and table, an exempt block, problem
 * markers, a suppressed figure and a small-number override. The document-shell tests and
 * the browser tests (axe, print, PDF) run on it, so they do not wait for the samples.
 */
export const FIXTURE_BODY = `<h2 data-line="8">Care leavers</h2>
<p>Care leavers in education, employment or training stood at <span class="sc-value">67%</span>
against a target of <span class="sc-target">80%</span>
(<span class="sc-rag sc-rag--red"><span class="sc-shape" aria-hidden="true">▼</span> Red: 13 pp below target</span>);
<span class="sc-change sc-change--better"><span class="sc-shape" aria-hidden="true">↑</span> up 4 pp from 63% in Q3 2023/24, better</span>.
The London average is <span class="sc-benchmark"><span class="sc-value">8%</span> (London, 2022/23)</span>.
See the <a href="https://www.gov.uk/government/collections/statistics-looked-after-children">DfE statistics</a>.</p>
${card('green', '▲', 'Green: on target (85%)', 'OP147', 'Care leavers in suitable accommodation', '88%', '2 pp above')}
${card('amber', '●', 'Amber: within 5 pp of target', 'OP660', 'Assessments completed within 45 working days', '77%', '3 pp below')}
${card('red', '▼', 'Red: 13 pp below target', 'OP148', 'Care leavers in education, employment or training', '67%', '13 pp below')}
<section class="sc-card sc-card--none" aria-labelledby="sc-card-4">
<h3 class="sc-card__title" id="sc-card-4"><span class="sc-card__id">OP419</span> Children missing from care in the month</h3>
<p class="sc-card__figure"><span class="sc-value sc-symbol sc-suppressed">suppressed to protect confidentiality (<abbr title="suppressed to protect confidentiality">c</abbr>)</span><span class="sc-card__period"> May 2024</span></p>
<p class="sc-card__unit">Counting unit: children</p>
<dl class="sc-card__meta">
<div><dt>Target</dt><dd><span class="sc-target sc-value--missing">no target set</span></dd></div>
<div><dt>Status</dt><dd><span class="sc-rag sc-rag--none"><span class="sc-shape" aria-hidden="true">○</span> Not rated: no better or worse direction is declared</span></dd></div>
<div><dt>Change</dt><dd><span class="sc-change sc-value--missing">no change to report</span></dd></div>
<div><dt>England</dt><dd><span class="sc-value sc-small-number-override">4</span> (England, 2022/23)<span class="sc-note"> — published despite the small-number rule</span></dd></div>
</dl>
</section>
<figure class="sc-chart" aria-labelledby="sc-chart-1-title">
<figcaption><span class="sc-chart__title" id="sc-chart-1-title">Care leavers in education, employment or training fell below target</span>
<span class="sc-chart__subtitle">Percentage of care leavers aged 19 to 21, Q1 2022/23 to Q4 2023/24, with England and London</span></figcaption>
<svg role="img" aria-labelledby="sc-chart-1-svg-title sc-chart-1-svg-desc" viewBox="0 0 400 160" width="400" height="160" xmlns="http://www.w3.org/2000/svg">
<title id="sc-chart-1-svg-title">Trend of OP148</title>
<desc id="sc-chart-1-svg-desc">Latest value 67% in Q4 2023/24, up 4 pp from the quarter before; target 80%; best benchmark England 82% (2022/23), worst London 80% (2022/23).</desc>
<line x1="40" y1="20" x2="40" y2="140" stroke="#505a5f"/>
<line x1="40" y1="140" x2="390" y2="140" stroke="#505a5f"/>
<line x1="40" y1="40" x2="390" y2="40" stroke="#0b0c0c" stroke-dasharray="6 4"/>
<polyline points="40,90 90,85 140,80 190,95 240,100 290,92 340,88 390,84" fill="none" stroke="#1d70b8" stroke-width="3"/>
<polyline points="40,50 390,48" fill="none" stroke="#a35200" stroke-width="2" stroke-dasharray="2 3"/>
<text x="0" y="44" font-size="10" fill="#0b0c0c">80%</text>
</svg>
<p class="sc-chart__desc">Latest value 67% in Q4 2023/24, up 4 pp from the quarter before; target 80%; best benchmark England 82% (2022/23), worst London 80% (2022/23).</p>
<table>
<caption>OP148 by quarter, with target and benchmarks</caption>
<thead><tr><th scope="col">Period</th><th scope="col" class="sc-num">Value</th><th scope="col" class="sc-num">Target</th><th scope="col" class="sc-num">England</th></tr></thead>
<tbody>
<tr><th scope="row">Q3 2023/24</th><td class="sc-num">63%</td><td class="sc-num">80%</td><td class="sc-num">82%</td></tr>
<tr><th scope="row">Q4 2023/24</th><td class="sc-num">67%</td><td class="sc-num">80%</td><td class="sc-num">82%</td></tr>
</tbody>
</table>
</figure>
<table class="sc-scorecard">
<caption>Scorecard, Q4 2023/24</caption>
<thead><tr><th scope="col">Indicator</th><th scope="col">Period</th><th scope="col" class="sc-num">Value</th><th scope="col" class="sc-num">Target</th><th scope="col">Status</th><th scope="col">Change</th><th scope="col" class="sc-num">England</th></tr></thead>
<tbody>
<tr><th scope="row"><span class="sc-card__id">OP147</span> Care leavers in suitable accommodation</th><td>Q4 2023/24</td><td class="sc-num"><span class="sc-value">88%</span></td><td class="sc-num"><span class="sc-target">85%</span></td><td><span class="sc-rag sc-rag--green"><span class="sc-shape" aria-hidden="true">▲</span> Green: on target</span></td><td><span class="sc-change sc-change--worse"><span class="sc-shape" aria-hidden="true">↓</span> down 1 pp, worse</span></td><td class="sc-num"><span class="sc-value">88%</span><span class="sc-note"> (2022/23)</span></td></tr>
<tr><th scope="row"><span class="sc-card__id">OP419</span> Children missing from care</th><td>May 2024</td><td class="sc-num"><span class="sc-value sc-symbol">not available (<abbr title="not available">x</abbr>)</span></td><td class="sc-num">–</td><td><span class="sc-rag sc-rag--none"><span class="sc-shape" aria-hidden="true">○</span> Not rated</span></td><td>–</td><td class="sc-num">–</td></tr>
</tbody>
</table>
<section class="sc-exempt" aria-label="Exempt information">
<p class="sc-exempt__label">Exempt information (Part B): not for publication</p>
<p>Case details that must not reach the public agenda pack.</p>
</section>
<div class="sc-problem-block"><span class="sc-problem" role="note"><span class="sc-shape" aria-hidden="true">⚠</span> Unknown indicator OP418, did you mean OP419? (unknown-indicator)</span></div>
<p>A figure that could not be resolved: <span class="sc-problem" role="note"><span class="sc-shape" aria-hidden="true">⚠</span> OP999 has no value for 2023/24 Q4 (no-value)</span>.</p>`;

function card(
  status: 'green' | 'amber' | 'red',
  shape: string,
  rag: string,
  id: string,
  title: string,
  value: string,
  gap: string,
): string {
  const titleId = `sc-card-${id}`;
  return `<section class="sc-card sc-card--${status}" aria-labelledby="${titleId}">
<h3 class="sc-card__title" id="${titleId}"><span class="sc-card__id">${id}</span> ${title}</h3>
<p class="sc-card__figure"><span class="sc-value">${value}</span><span class="sc-card__period"> Q4 2023/24 (January to March 2024)</span></p>
<p class="sc-card__unit">Counting unit: care leavers — 201 of 300 care leavers</p>
<p class="sc-card__definition">Care leavers aged 19 to 21 in the stated position on their birthday.</p>
<dl class="sc-card__meta">
<div><dt>Target</dt><dd><span class="sc-target">80%</span> (2023/24)</dd></div>
<div><dt>Status</dt><dd><span class="sc-rag sc-rag--${status}"><span class="sc-shape" aria-hidden="true">${shape}</span> ${rag}</span></dd></div>
<div><dt>Change</dt><dd><span class="sc-change sc-change--better"><span class="sc-shape" aria-hidden="true">↑</span> up 4 pp from 63% in Q3 2023/24, better (${gap} target)</span></dd></div>
<div><dt>England</dt><dd><span class="sc-benchmark"><span class="sc-value">82%</span> (England, 2022/23)</span></dd></div>
</dl>
<div class="sc-card__spark"><svg role="img" aria-label="${id} over 8 quarters: from 60% to ${value}" viewBox="0 0 120 30" width="120" height="30" xmlns="http://www.w3.org/2000/svg"><polyline points="0,25 17,22 34,20 51,18 68,21 85,15 102,12 120,10" fill="none" stroke="#1d70b8" stroke-width="2"/></svg></div>
<div class="sc-card__commentary"><p>The service has added two personal advisers; the effect should show from Q2 2024/25.</p></div>
</section>`;
}

/** Every class the stylesheet promises the directives; the tests check each is styled. */
export const DOCUMENT_CLASSES = [
  'sc-card',
  'sc-card__title',
  'sc-card__figure',
  'sc-card__unit',
  'sc-card__meta',
  'sc-card__spark',
  'sc-card__commentary',
  'sc-rag',
  'sc-rag--green',
  'sc-rag--amber',
  'sc-rag--red',
  'sc-rag--none',
  'sc-change',
  'sc-benchmark',
  'sc-value',
  'sc-symbol',
  'sc-scorecard',
  'sc-chart',
  'sc-chart__title',
  'sc-chart__subtitle',
  'sc-chart__desc',
  'sc-exempt',
  'sc-problem',
  'sc-suppressed',
  'sc-small-number-override',
  'sc-num',
] as const;
