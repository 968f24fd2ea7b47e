import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, chromiumProblem, exportPdf } from '../../src/cli/pdf.js';
import { fixtureDocuments, sampleDocuments } from './documents.js';
import { inkShare, parsePgm, pdfInfo, pdfPageText } from './poppler.js';

describe('exportPdf', function () {
  this.timeout(120_000);
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'scorecard-pdf-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('says how to get Chromium when there is none, and writes nothing', async () => {
    const out = join(folder, 'report.pdf');
    const outcome = await exportPdf('<!doctype html><title>x</title>', out, {
      chromiumPath: join(folder, 'no-chromium'),
    });
    assert.deepEqual(outcome, {
      ok: false,
      reason: `Chromium not found at ${join(folder, 'no-chromium')}; install Debian's chromium or set CHROMIUM_PATH`,
    });
    assert.deepEqual(await readdir(folder), []);
  });

  describe('with Chromium', () => {
    before(async function () {
      const problem = await chromiumProblem(chromiumPath());
      if (problem && process.env['SCORECARD_SKIP_BROWSER'] === '1') this.skip();
      if (problem) throw new Error(problem);
    });

    it('prints the document on A4 with content on page 1 and the running header on every page', async () => {
      const exempt = fixtureDocuments().find((d) => d.name.includes('exempt'))!;
      const out = join(folder, 'report.pdf');
      assert.deepEqual(await exportPdf(exempt.html, out), { ok: true });
      assert.deepEqual(await readdir(folder), ['report.pdf'], 'no temporary file left behind');
      assert.equal((await readFile(out)).subarray(0, 5).toString('latin1'), '%PDF-');

      const info = await pdfInfo(out);
      assert.match(info.pageSize, /^59[45]\.\d+ x 841\.\d+ pts \(A4\)$/);
      assert.ok(
        info.pages >= 2,
        `expected the fixture to need two pages or more, got ${info.pages}`,
      );

      const share = await inkShare(out, 1, join(folder, 'page1'));
      assert.ok(share > 0.04, `page 1 is nearly blank: ${(share * 100).toFixed(1)}% ink`);

      for (let page = 1; page <= info.pages; page += 1) {
        const text = await pdfPageText(out, page);
        assert.match(
          text,
          /EXEMPT · Children in Care Performance Report · Q4 2023\/24/,
          `page ${page} header`,
        );
        assert.match(text, new RegExp(`Page ${page} of ${info.pages}`), `page ${page} number`);
      }
    });

    it('keeps a card title with its figure, though the card may run on to the next page', async () => {
      const doc = fixtureDocuments().find((d) => d.name.includes('public'))!;
      const out = join(folder, 'report.pdf');
      assert.deepEqual(await exportPdf(doc.html, out), { ok: true });
      const { pages } = await pdfInfo(out);
      const texts = await Promise.all(
        Array.from({ length: pages }, (_, i) => pdfPageText(out, i + 1)),
      );
      // Each card's title is followed on its own page by its headline figure and period.
      for (const id of ['OP147', 'OP660', 'OP148']) {
        const title = new RegExp(`${id} (Care|Assess)`);
        const page = texts.findIndex((t) => title.test(t));
        assert.ok(page >= 0, `${id} card not found`);
        const after = texts[page]!.slice(texts[page]!.search(title));
        assert.match(
          after,
          /\d+% +Q4 2023\/24 \(January to March 2024\)/,
          `${id} title left alone`,
        );
      }
    });

    it('prints every sample report with content on page 1', async function () {
      const samples = await sampleDocuments();
      if (samples.length === 0) this.skip();
      // A refused public export (samples/broken.md) is a notice, not a pack to print.
      const published = samples.filter((s) => s.name.endsWith('(public)') && s.refused !== true);
      assert.ok(published.length > 0);
      for (const sample of published) {
        const out = join(folder, 'sample.pdf');
        assert.deepEqual(await exportPdf(sample.html, out), { ok: true }, sample.name);
        const share = await inkShare(out, 1, join(folder, 'sample'));
        assert.ok(
          share > 0.04,
          `${sample.name}: page 1 is nearly blank (${(share * 100).toFixed(1)}% ink)`,
        );
      }
    });
  });
});

describe('parsePgm', () => {
  it('reads the pixels after a header with a comment', () => {
    const data = new Uint8Array([...Buffer.from('P5\n# made by hand\n2 2\n255\n'), 0, 255, 128, 7]);
    assert.deepEqual([...parsePgm(data)], [0, 255, 128, 7]);
  });
});
