import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { createEngine, readDocxGenerator, renderDocx } from '../../src/engine/index.js';
import { GENERATOR_NAME } from '../../src/engine/html/document.js';
import {
  docxParts,
  paragraphs,
  pictureCount,
  pictureDescriptions,
  visibleText,
} from './docx-parts.js';
import { EXEMPT_WORD, TITLE, writeGeneratedReport } from './generated-report.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const samplePath = join(repo, 'samples', 'children-in-care-q4-2023-24.md');

/** Every element of the tree with one of these names, depth first. */
function all(node: Root | Element, names: readonly string[]): Element[] {
  return node.children.flatMap((child) =>
    child.type === 'element'
      ? [...(names.includes(child.tagName) ? [child] : []), ...all(child, names)]
      : [],
  );
}

function text(node: Root | Element): string {
  const raw = (n: Root | RootContent): string => {
    if (n.type === 'text') return n.value;
    if (n.type === 'element' || n.type === 'root') return n.children.map(raw).join('');
    return '';
  };
  return raw(node).replace(/\s+/g, ' ').trim();
}

async function exportBoth(path: string, mode: 'public' | 'exempt', allowSmallNumbers = false) {
  const engine = createEngine();
  const result = await engine.render(readFileSync(path, 'utf8'), {
    path,
    mode,
    allowSmallNumbers,
  });
  assert.equal(result.refused, false, JSON.stringify(result.messages));
  const parts = docxParts(await renderDocx(result.html));
  const main = fromHtml(result.html);
  return { html: result.html, main: all(main, ['main'])[0] as Element, parts };
}

describe('Word export (document XML)', function () {
  this.timeout(120_000);

  describe('the sample report, public', () => {
    let sample: Awaited<ReturnType<typeof exportBoth>>;
    before(async () => {
      sample = await exportBoth(samplePath, 'public');
    });

    it('gives each Markdown heading the Word heading style of its level', () => {
      const docParagraphs = paragraphs(sample.parts['word/document.xml'] ?? '');
      const headings = all(sample.main, ['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
      assert.ok(headings.length >= 5);
      for (const heading of headings) {
        const style = `Heading${heading.tagName.slice(1)}`;
        assert.ok(
          docParagraphs.some((p) => p.style === style && p.text === text(heading)),
          `no ${style} paragraph "${text(heading)}"`,
        );
      }
    });

    it('opens with the title block and names the title in the properties', () => {
      const docParagraphs = paragraphs(sample.parts['word/document.xml'] ?? '');
      assert.deepEqual(docParagraphs.slice(0, 3), [
        { style: 'Title', text: 'Children in Care Performance Report' },
        { style: 'Subtitle', text: 'Corporate Parenting Panel, 15 July 2024' },
        { style: 'Subtitle', text: 'Q4 2023/24 (January to March 2024)' },
      ]);
      const core = sample.parts['docProps/core.xml'] ?? '';
      assert.match(core, /<dc:title>Children in Care Performance Report<\/dc:title>/);
      assert.match(core, /<dc:subject>Corporate Parenting Panel, 15 July 2024; Q4 2023\/24/);
      assert.match(core, new RegExp(`<cp:lastModifiedBy>${GENERATOR_NAME} `));
    });

    it('makes every table a Word table with its caption and a repeating header row', () => {
      const xml = sample.parts['word/document.xml'] ?? '';
      const tables = all(sample.main, ['table']);
      assert.ok(tables.length >= 6, 'the scorecard and the chart tables');
      const docParagraphs = paragraphs(xml);
      for (const table of tables) {
        const caption = all(table, ['caption'])[0];
        assert.ok(caption);
        const at = docParagraphs.findIndex(
          (p) => p.style === 'Caption' && p.text === text(caption),
        );
        assert.ok(at >= 0, `no caption "${text(caption)}"`);
      }
      const headerRows = xml.match(/<w:trPr>(?:(?!<\/w:trPr>).)*<w:tblHeader\/>/gs) ?? [];
      assert.equal(headerRows.length, tables.length, 'one repeating header row per table');
    });

    it('keeps every figure of the scorecard, and RAG and change as words and shapes', () => {
      const docParagraphs = new Set(
        paragraphs(sample.parts['word/document.xml'] ?? '').map((p) => p.text),
      );
      const scorecard = all(sample.main, ['table'])[0];
      assert.ok(scorecard);
      const cells = all(scorecard, ['td', 'th']).map(text);
      assert.ok(cells.includes('58%'));
      assert.ok(cells.some((cell) => cell.startsWith('▼ Red')));
      for (const cell of cells) assert.ok(docParagraphs.has(cell), `no cell "${cell}"`);
    });

    it('shows each chart as a picture whose alt text is its description, then its table', () => {
      const xml = sample.parts['word/document.xml'] ?? '';
      const svgs = all(sample.main, ['svg']);
      assert.equal(pictureCount(xml), svgs.length, 'one picture per chart and sparkline');
      const descriptions = pictureDescriptions(xml);
      assert.equal(descriptions.length, svgs.length);
      for (const description of descriptions)
        assert.ok(description.trim().length > 20, description);
      const charts = all(sample.main, ['figure']);
      assert.ok(charts.length >= 5);
      for (const chart of charts) {
        const description = all(chart, ['p']).map(text).join(' ');
        assert.ok(descriptions.includes(description), `no picture described "${description}"`);
      }
      // Word refuses a document whose pictures share an id.
      const ids = [...xml.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1]);
      assert.equal(new Set(ids).size, ids.length);
      // The picture is the chart's SVG with a PNG for readers without SVG.
      assert.match(xml, /<asvg:svgBlip /);
    });

    it('sets British English, A4 with margins, a running header and page numbers', () => {
      const styles = sample.parts['word/styles.xml'] ?? '';
      assert.match(styles, /<w:docDefaults><w:rPrDefault><w:rPr>.*<w:lang w:val="en-GB"\/>/s);
      for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3', 'Caption']) {
        const style = new RegExp(`<w:style [^>]*w:styleId="${id}".*?</w:style>`, 's').exec(styles);
        assert.ok(style, `no ${id} style`);
        assert.match(style[0], /<w:lang w:val="en-GB"\/>/, `${id} is not en-GB`);
      }
      const xml = sample.parts['word/document.xml'] ?? '';
      assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/);
      assert.match(xml, /<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134"/);
      const header = Object.entries(sample.parts).find(([name]) =>
        /^word\/header\d*\.xml$/.test(name),
      );
      assert.ok(header);
      assert.equal(
        visibleText(header[1]),
        'Children in Care Performance Report — Q4 2023/24 (January to March 2024)',
      );
      const footer = Object.entries(sample.parts).find(([name]) =>
        /^word\/footer\d*\.xml$/.test(name),
      );
      assert.ok(footer);
      assert.match(footer[1], /PAGE/);
      assert.match(footer[1], /NUMPAGES/);
    });

    it('maps by meaning, not by class: without any class the document is the same', async () => {
      const engine = createEngine();
      const result = await engine.render(readFileSync(samplePath, 'utf8'), {
        path: samplePath,
        mode: 'public',
      });
      const classless = result.html.replace(/ class="[^"]*"/g, '');
      assert.notEqual(classless, result.html);
      const parts = docxParts(await renderDocx(classless));
      assert.equal(parts['word/document.xml'], sample.parts['word/document.xml']);
    });

    it("marks the file as this tool's, until someone else saves it", async () => {
      const engine = createEngine();
      const result = await engine.render(readFileSync(samplePath, 'utf8'), {
        path: samplePath,
        mode: 'public',
      });
      const bytes = await renderDocx(result.html);
      assert.match(readDocxGenerator(bytes) ?? '', new RegExp(`^${GENERATOR_NAME} `));
      assert.equal(readDocxGenerator(new TextEncoder().encode('not a zip')), undefined);
      const { zipSync, strToU8 } = await import('fflate');
      const edited = zipSync({
        'docProps/core.xml': strToU8(
          (sample.parts['docProps/core.xml'] ?? '').replace(
            /<cp:lastModifiedBy>[^<]*/,
            '<cp:lastModifiedBy>Jane Officer',
          ),
        ),
      });
      assert.equal(readDocxGenerator(edited), undefined);
    });
  });

  describe('a generated report with an exempt block and a small number', () => {
    let folder: string;
    let report: string;
    before(() => ({ folder, report } = writeGeneratedReport()));
    after(() => rmSync(folder, { recursive: true, force: true }));

    it('publishes no exempt text and the small number suppressed, exactly as the HTML', async () => {
      const pub = await exportBoth(report, 'public', true);
      const all = Object.values(pub.parts).join('\n');
      assert.ok(!pub.html.includes(EXEMPT_WORD));
      assert.ok(!all.includes(EXEMPT_WORD), 'exempt text in the public Word file');
      assert.ok(!all.includes('Oakfield'), 'exempt text in the public Word file');
      const body = visibleText(pub.parts['word/document.xml'] ?? '');
      assert.match(body, /Missing children stood at a suppressed number of children this quarter/);
      assert.doesNotMatch(body, /stood at 3\b/);
      // Every paragraph of the public HTML is in the Word file, word for word (a link's
      // address is added after its text, for readers on paper).
      const docParagraphs = new Set(
        paragraphs(pub.parts['word/document.xml'] ?? '').map((p) =>
          // No-break spaces keep a figure whole in Word too; the HTML's text is compared with
          // its white space folded, so fold it here as well.
          p.text.replace(/ \(https:\/\/[^)]*\)/g, '').replace(/\s+/g, ' '),
        ),
      );
      for (const p of all_(pub.main, ['p'])) {
        // The public HTML already prints a link's address after its text (no URL leaves it).
        const words = text(p).replace(/ \(https:\/\/[^)]*\)/g, '');
        if (words) assert.ok(docParagraphs.has(words), `no paragraph "${words}"`);
      }
    });

    it('keeps the exempt block and the exact figure in the exempt variant', async () => {
      const exempt = await exportBoth(report, 'exempt');
      const body = visibleText(exempt.parts['word/document.xml'] ?? '');
      assert.match(body, new RegExp(`${EXEMPT_WORD} names a child in placement at Oakfield Lodge`));
      assert.match(body, /Missing children stood at 3 children this quarter/);
      assert.match(exempt.parts['docProps/core.xml'] ?? '', /<cp:keywords>exempt/);
      assert.match(
        exempt.parts['docProps/core.xml'] ?? '',
        new RegExp(`<dc:title>${TITLE}</dc:title>`),
      );
      assert.match(body, /^Exempt information — not for publication$/m);
    });

    it('maps emphasis, links, lists and the indicator card', async () => {
      const pub = await exportBoth(report, 'public', true);
      const xml = pub.parts['word/document.xml'] ?? '';
      assert.match(xml, /<w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">the bold words<\/w:t>/);
      assert.match(
        xml,
        /<w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">the italic words<\/w:t>/,
      );
      const body = visibleText(xml);
      assert.match(body, /the guidance \(https:\/\/example\.org\/guide\)/);
      const listItems = [
        ...xml.matchAll(/<w:numPr><w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/>/g),
      ];
      assert.equal(listItems.length, 5, 'two bullets, one nested bullet, two numbered steps');
      assert.deepEqual(
        listItems.map((m) => m[1]),
        ['0', '0', '1', '0', '0'],
      );
      const numbering = pub.parts['word/numbering.xml'] ?? '';
      assert.match(numbering, /w:numFmt w:val="bullet"/);
      assert.match(numbering, /w:numFmt w:val="decimal"/);
      // An author's embedded image is a picture with its alt text.
      assert.ok(pictureDescriptions(xml).includes('Council logo'));
      // The card: a framed two-column table whose rows are the card's terms.
      assert.match(body, /^Target\n62% \(2023\/24\)$/m);
      assert.match(body, /^Status\n● Amber: within 5 pp of target$/m);
    });
  });
});

const all_ = all;
