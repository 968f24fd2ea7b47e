import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChromiumSession } from '../../src/cli/pdf.js';
import { exportPdf } from '../../src/cli/pdf.js';
import { openDocument, startBrowser } from './browser.js';
import { fixtureDocuments, sampleDocuments, type TestDocument } from './documents.js';
import { INDICATORS, valueAt, writeGeneratedReport } from './generated-report.js';
import { A4, pageFill, pdfInfo, pdfWords } from './poppler.js';

/** The A4 content box at 96 CSS pixels to the inch: 180mm by 261mm (the @page margins). */
const CONTENT_WIDTH = Math.floor((180 / 25.4) * 96);
const CONTENT_HEIGHT = Math.floor((261 / 25.4) * 96);

/**
 * Runs in the page (as text: the project compiles without the DOM library). Lists every
 * element that reaches past the content box, and every one that hides content behind a
 * scroll or a clip, under print media.
 */
const OVERFLOWS = `(() => {
  const limit = document.documentElement.clientWidth;
  const name = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
  const problems = [];
  for (const el of document.querySelectorAll('body *')) {
    // Text for assistive technology only, clipped to 1px by design.
    if (el.closest('.sc-vh')) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.right > limit + 1 || box.left < -1) problems.push(name(el) + ' spans ' + Math.round(box.left) + ' to ' + Math.round(box.right) + ' of ' + limit);
    const style = getComputedStyle(el);
    const clips = ['auto', 'scroll', 'hidden', 'clip'];
    if (clips.includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) problems.push(name(el) + ' hides ' + (el.scrollWidth - el.clientWidth) + 'px sideways');
    if (clips.includes(style.overflowY) && el.scrollHeight > el.clientHeight + 1 && el.tagName !== 'svg') problems.push(name(el) + ' hides ' + (el.scrollHeight - el.clientHeight) + 'px below');
  }
  return problems;
})()`;

const SCORECARD_HEIGHT = `(() => {
  const table = document.querySelector('table.sc-scorecard:not(.sc-scorecard--exceptions)');
  return table ? table.getBoundingClientRect().height : -1;
})()`;

describe('print layout (Chromium, A4)', function () {
  this.timeout(600_000);
  let session: ChromiumSession;
  let folder: string;
  let generated: TestDocument;

  before(async function () {
    session = await startBrowser(this);
    folder = await mkdtemp(join(tmpdir(), 'scorecard-print-'));
    const { path, text } = await writeGeneratedReport(join(folder, 'report'));
    const { createEngine } = await import('../../src/engine/index.js');
    const engine = createEngine({ allowedRoots: [folder] });
    const result = await engine.render(text, { path, mode: 'public' });
    assert.deepEqual(
      result.messages.filter((m) => m.severity === 'error'),
      [],
      'the generated report renders without errors',
    );
    generated = { name: 'generated 12-indicator report (public)', html: result.html };
  });

  after(async () => {
    await session?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  async function printed<T>(html: string, expression: string): Promise<T> {
    const loaded = await openDocument(session, html);
    try {
      await loaded.page.setViewportSize({ width: CONTENT_WIDTH, height: CONTENT_HEIGHT });
      await loaded.page.emulateMedia({ media: 'print' });
      return (await loaded.page.evaluate(expression)) as T;
    } finally {
      await loaded.dispose();
    }
  }

  it('cuts nothing off and hides nothing behind a scroll in the generated report, the samples and the fixture', async () => {
    const documents = [generated, ...(await sampleDocuments()), ...fixtureDocuments()];
    for (const document of documents) {
      const problems = await printed<string[]>(document.html, OVERFLOWS);
      assert.deepEqual(problems.slice(0, 10), [], document.name);
    }
  });

  it('finds what it looks for: a table wider than the page is reported', async () => {
    const wide = generated.html.replace(
      '<main id="content">',
      '<main id="content"><div style="overflow-x:auto"><table><tr><td style="white-space:nowrap">' +
        'x'.repeat(400) +
        '</td></tr></table></div>',
    );
    const problems = await printed<string[]>(wide, OVERFLOWS);
    assert.ok(
      problems.some((p) => p.includes('hides')),
      problems.join('\n'),
    );
  });

  it('fits a scorecard of twelve indicators with three comparators on one A4 page', async () => {
    const height = await printed<number>(generated.html, SCORECARD_HEIGHT);
    assert.ok(height > 0, 'the scorecard is there');
    assert.ok(height <= CONTENT_HEIGHT, `${height}px is taller than a page (${CONTENT_HEIGHT}px)`);

    const pdf = join(folder, 'report.pdf');
    assert.deepEqual(await exportPdf(generated.html, pdf), { ok: true });
    const words = await pdfWords(pdf);
    const caption = words.find((w, i) => w.text === 'Scorecard,' && words[i + 1]?.text === 'Q4');
    assert.ok(caption, 'the caption is in the PDF');
    // Each indicator's row: its id on the caption's page, below the caption, in order.
    const rows = INDICATORS.map((spec) =>
      words.find(
        (w) =>
          w.text === spec.id &&
          (w.page > caption.page || (w.page === caption.page && w.yMin > caption.yMin)),
      ),
    );
    rows.forEach((row, i) => {
      assert.ok(row, `${INDICATORS[i]!.id} has a row`);
      assert.equal(row.page, caption.page, `${INDICATORS[i]!.id} is on the caption's page`);
      assert.ok(row.xMax <= A4.width - A4.marginX + 1, `${INDICATORS[i]!.id} inside the margin`);
    });
    // The last comparator column is printed whole, not cut at the margin.
    const header = words.filter((w) => w.page === caption.page && w.yMin > caption.yMin);
    assert.ok(
      header.some((w) => w.text === 'neighbours'),
      'Statistical neighbours is printed',
    );
    assert.ok(header.every((w) => w.xMax <= A4.width - A4.marginX + 1));
  });

  it('fills the pages: on average at least three-quarters of each page is used', async () => {
    const samples = (await sampleDocuments()).filter((d) => d.name.endsWith('(public)'));
    for (const document of [generated, ...samples.filter((d) => !d.name.includes('broken'))]) {
      const pdf = join(folder, 'fill.pdf');
      assert.deepEqual(await exportPdf(document.html, pdf), { ok: true }, document.name);
      const { pages } = await pdfInfo(pdf);
      // A page or two cannot average three-quarters unless the text happens to fit exactly.
      if (pages < 3) continue;
      const fill = pageFill(await pdfWords(pdf), pages);
      const average = fill.reduce((sum, share) => sum + share, 0) / pages;
      assert.ok(
        average >= 0.75,
        `${document.name}: ${pages} pages filled ${fill.map((f) => f.toFixed(2)).join(', ')} (average ${average.toFixed(2)})`,
      );
    }
  });

  it('keeps each chart with its caption: no page ends with a chart title or subtitle', async () => {
    const pdf = join(folder, 'captions.pdf');
    assert.deepEqual(await exportPdf(generated.html, pdf), { ok: true });
    const words = await pdfWords(pdf);
    const { pages } = await pdfInfo(pdf);
    let charts = 0;
    for (let page = 1; page <= pages; page += 1) {
      const lines = new Map<number, string[]>();
      for (const w of words.filter(
        (w) => w.page === page && w.yMax <= A4.height - A4.marginY + 1,
      )) {
        const y = Math.round(w.yMax);
        lines.set(y, [...(lines.get(y) ?? []), w.text]);
      }
      const ordered = [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => t.join(' '));
      // A subtitle names the periods shown: `…, Q1 2022/23 to Q4 2023/24; with target…`.
      charts += ordered.filter((line) => /Q1 2022\/23 to Q4 2023\/24/.test(line)).length;
      const last = ordered.at(-1) ?? '';
      assert.ok(
        !/Q1 2022\/23 to Q4 2023\/24|benchmarks$|, (above|below|meeting) the .* target$/.test(last),
        `page ${page} ends with a chart's caption: ${last}`,
      );
    }
    assert.ok(charts >= 10, `found ${charts} chart subtitles`);
  });

  it('prints the counting unit beside counts, and England carried to the latest period in a chart table', async () => {
    const pdf = join(folder, 'units.pdf');
    assert.deepEqual(await exportPdf(generated.html, pdf), { ok: true });
    const text = (await pdfWords(pdf)).map((w) => w.text).join(' ');
    const latest = (id: string): number =>
      valueAt(
        INDICATORS.find((s) => s.id === id)!,
        7,
      );
    const children = `${latest('CP07')} children`;
    const incidents = `${latest('CP07I')} incidents`;
    // In the scorecard, in the sentence, on the cards and in the chart's headline.
    assert.ok(text.split(children).length - 1 >= 4, `${children} beside the figure`);
    assert.ok(text.split(incidents).length - 1 >= 4, `${incidents} beside the figure`);
    assert.ok(text.includes(`quarter ${children} went missing, in ${incidents} separate`));
    assert.match(text, /Q4 2023\/24 [\d.]+% [\d.]+% [\d.]+% \(2022\/23, latest published\)/);
    await readFile(pdf);
  });
});
