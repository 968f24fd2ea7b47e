/**
 * The Word export read back by another word processor: LibreOffice opens the .docx and
 * prints it to PDF, and the PDF's text still holds the title, every scorecard figure and
 * every chart title. LibreOffice is Debian's libreoffice-writer-nogui (.ci/run installs
 * it); outside CI a machine without it skips these tests, saying why.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { createEngine, renderDocx } from '../../src/engine/index.js';
import { EXEMPT_WORD, TITLE, writeGeneratedReport } from '../docx/generated-report.js';
import { REPO } from './documents.js';
import { pdfInfo } from './poppler.js';

const run = promisify(execFile);
const SOFFICE = process.env['SOFFICE_PATH'] ?? 'soffice';

async function sofficeProblem(): Promise<string | undefined> {
  try {
    await run(SOFFICE, ['--version'], { timeout: 60_000 });
    return undefined;
  } catch (error) {
    return `LibreOffice (${SOFFICE}) cannot run: ${(error as Error).message.split('\n')[0] ?? ''}; apt-get install -y libreoffice-writer-nogui`;
  }
}

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

/** Text compared without whitespace: LibreOffice wraps table cells where it likes. */
const squeeze = (value: string) => value.replace(/\s+/g, '');

describe('Word export read back by LibreOffice', function () {
  this.timeout(300_000);
  let work: string;
  let profile: string;

  before(async function () {
    const problem = await sofficeProblem();
    if (problem) {
      if (process.env['CI'] === 'true') throw new Error(problem);
      console.warn(`    skipped: ${problem}`);
      this.skip();
    }
    work = mkdtempSync(join(tmpdir(), 'scorecard-docx-lo-'));
    // A profile of its own: no user setting changes the print, and no running LibreOffice
    // holds the lock.
    profile = join(work, 'profile');
  });
  after(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function toPdf(html: string, name: string): Promise<{ pdf: string; text: string }> {
    const docx = join(work, `${name}.docx`);
    writeFileSync(docx, await renderDocx(html));
    await run(
      SOFFICE,
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        docx,
      ],
      { timeout: 240_000 },
    );
    const pdf = join(work, `${name}.pdf`);
    const { stdout } = await run('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    return { pdf, text: stdout };
  }

  it('keeps the title, every scorecard figure and every chart title of the sample', async () => {
    const path = join(REPO, 'samples', 'children-in-care-q4-2023-24.md');
    const result = await createEngine().render(readFileSync(path, 'utf8'), {
      path,
      mode: 'public',
    });
    assert.equal(result.refused, false);
    const { pdf, text: pdfText } = await toPdf(result.html, 'sample');
    const info = await pdfInfo(pdf);
    assert.match(info.pageSize, /\(A4\)/);
    const squeezed = squeeze(pdfText);
    assert.ok(pdfText.includes('Children in Care Performance Report'), 'no title');
    const main = all(fromHtml(result.html), ['main'])[0];
    assert.ok(main);
    const scorecard = all(main, ['table'])[0];
    assert.ok(scorecard);
    const cells = all(scorecard, ['td', 'th']).map(text);
    assert.ok(cells.length > 50);
    // Cells side by side share lines in the PDF's text, so each word of a cell is looked
    // for, not the cell's whole text.
    for (const cell of cells) {
      for (const word of cell.split(' '))
        assert.ok(squeezed.includes(word), `no "${word}" of the scorecard cell "${cell}"`);
    }
    const figures = all(main, ['figure']);
    assert.ok(figures.length >= 5);
    // Each chart (and each card's sparkline) is a picture LibreOffice drew.
    const { stdout: images } = await run('pdfimages', ['-list', pdf], { encoding: 'utf8' });
    const drawn = images.split('\n').filter((line) => /^\s*\d+\s+\d+\s+image\b/.test(line));
    assert.ok(drawn.length >= all(main, ['svg']).length, `${drawn.length} pictures in the PDF`);
    for (const figure of figures) {
      const caption = all(figure, ['figcaption'])[0];
      const title = caption && all(caption, ['span'])[0];
      assert.ok(title);
      assert.ok(squeezed.includes(squeeze(text(title))), `no chart title "${text(title)}"`);
    }
  });

  it('keeps exempt text out of the public file and suppressed numbers suppressed', async () => {
    const { folder, report } = writeGeneratedReport();
    try {
      const engine = createEngine();
      const source = readFileSync(report, 'utf8');
      const pub = await engine.render(source, {
        path: report,
        mode: 'public',
        allowSmallNumbers: true,
      });
      assert.equal(pub.refused, false);
      const { text: publicText } = await toPdf(pub.html, 'generated-public');
      assert.ok(squeeze(publicText).includes(squeeze(TITLE)));
      assert.ok(!publicText.includes(EXEMPT_WORD));
      assert.match(squeeze(publicText), /Missingchildrenstoodatasuppressednumberofchildren/);
      const exempt = await engine.render(source, { path: report, mode: 'exempt' });
      const { text: exemptText } = await toPdf(exempt.html, 'generated-exempt');
      assert.ok(exemptText.includes(EXEMPT_WORD));
      assert.match(squeeze(exemptText), /Missingchildrenstoodat3childrenthisquarter/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
