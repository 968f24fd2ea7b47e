// Plain-Node tests of the harness's pure parts; everything else is proven by the e2e
// run itself. `npm run test:e2e` runs these first (.mocharc ignores test/e2e/**).
import * as assert from 'node:assert/strict';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  existsSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { waitFor, withTimeout } from '../wait.js';
import { codeServerBin, workbenchUrl } from './code-server.js';
import { chooseReport, frontMatterOf, htmlText, normalizeText, valueIds } from './expectations.js';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../../src/cli/pdf.js';
import { freePort } from './free-port.js';
import { inertProblems, TRIPWIRES } from './requests.js';
import { dfeDir, prepareWorkspace, writeUserSettings } from './workspace.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe('e2e harness helpers', () => {
  it('builds a workbench URL whose payload names the tests module and a placeholder dev path', () => {
    const url = new URL(
      workbenchUrl('http://127.0.0.1:4321', '/tmp/w', '/r/out/e2e/suite/index.cjs', '/tmp/none'),
    );
    assert.equal(url.searchParams.get('folder'), '/tmp/w');
    assert.deepEqual(JSON.parse(url.searchParams.get('payload') ?? 'null'), [
      ['extensionDevelopmentPath', 'vscode-remote://127.0.0.1:4321/tmp/none'],
      ['extensionTestsPath', 'vscode-remote://127.0.0.1:4321/r/out/e2e/suite/index.cjs'],
    ]);
  });

  it('finds code-server where .ci/install-code-server.sh puts it (SCORECARD_CODE_SERVER_DIR)', () => {
    const tmp = realpathSync(mkdtempSync(join(tmpdir(), 'scorecard-e2e-cs-')));
    try {
      const bin = join(tmp, 'installed', 'node_modules', '.bin', 'code-server');
      mkdirSync(dirname(bin), { recursive: true });
      writeFileSync(bin, '');
      const env = { SCORECARD_CODE_SERVER_DIR: join(tmp, 'installed') };
      assert.equal(codeServerBin('/nowhere', env), bin);
      // A relative folder is the repo's, as in the script (run from the repo).
      assert.equal(codeServerBin(tmp, { SCORECARD_CODE_SERVER_DIR: 'installed' }), bin);
      assert.equal(codeServerBin('/nowhere', { ...env, SCORECARD_CODE_SERVER: bin }), bin);
      assert.throws(() => codeServerBin(tmp, {}), /install-code-server/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('reads HTML as a browser textContent does, whitespace collapsed', () => {
    assert.equal(
      htmlText('<p>Rate <strong>67%</strong>\n  <span>(Q4)</span></p>'),
      'Rate 67% (Q4)',
    );
    assert.equal(htmlText('<p>a &amp; b</p>'), 'a & b');
    assert.equal(normalizeText('  a \n\t b '), 'a b');
  });

  it('finds plain :value ids once each, in order, and the front matter', () => {
    const text =
      '---\ntitle: T\n---\n\n:value{id=OP2} :value{id=OP1} :value{id=OP2} :value{id=OP3 period=2023/24}';
    assert.deepEqual(valueIds(text), ['OP2', 'OP1']);
    assert.equal(frontMatterOf(text), '---\ntitle: T\n---\n');
    assert.throws(() => frontMatterOf('# no front matter'), /no front matter/);
  });

  it('chooses a sample report with a :value, never broken.md', () => {
    const chosen = chooseReport(join(repo, 'samples'));
    assert.notEqual(chosen, 'broken.md');
    assert.ok(valueIds(readFileSync(join(repo, 'samples', chosen), 'utf8')).length > 0);
  });

  it('copies the samples and links the DfE folder where relative paths expect it', () => {
    const tmp = realpathSync(mkdtempSync(join(tmpdir(), 'scorecard-e2e-test-')));
    try {
      const workspace = prepareWorkspace(repo, tmp);
      assert.ok(existsSync(join(workspace.root, 'samples', 'broken.md')));
      const [link] = workspace.allowedDataFolders;
      assert.ok(link);
      assert.ok(link.startsWith(tmp), link);
      assert.equal(realpathSync(link), realpathSync(dfeDir(repo)));
      writeUserSettings(join(tmp, 'ud'), workspace);
      const settings = JSON.parse(
        readFileSync(join(tmp, 'ud', 'User', 'settings.json'), 'utf8'),
      ) as Record<string, unknown>;
      assert.equal(settings['files.autoSave'], 'off');
      assert.deepEqual(settings['scorecard.allowedDataFolders'], workspace.allowedDataFolders);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('finds a free loopback port', async () => {
    const port = await freePort();
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('bounds every wait', async () => {
    let calls = 0;
    assert.equal(
      await waitFor(() => (++calls === 3 ? 'done' : undefined), 5_000, 'three calls'),
      'done',
    );
    await assert.rejects(
      waitFor(() => undefined, 300, 'nothing'),
      /Timed out after 300 ms waiting for nothing/,
    );
    await assert.rejects(
      withTimeout(new Promise(() => undefined), 50, 'a hang'),
      /Timed out after 50 ms: a hang/,
    );
  });

  it('the webview attack check is not vacuous: it flags handlers, scripts and a tripped alert', async function () {
    const chromiumPath = process.env['SCORECARD_CHROMIUM'] ?? '/usr/bin/chromium';
    if (!existsSync(chromiumPath)) this.skip();
    this.timeout(60_000);
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [...CHROMIUM_ARGS],
    });
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss().catch(() => undefined);
      });
      await page.addInitScript(`if (window !== window.top) ${TRIPWIRES}`);
      // A preview frame as a broken sanitizer would leave it, with no CSP to stop it.
      const hostile =
        '<main id=scorecard-content><img src=x onerror="alert(1)"><a href="javascript:alert(2)">x</a><script>void 0</script></main>';
      await page.setContent(`<iframe srcdoc='${hostile}'></iframe>`);
      const frame = page.frames()[1];
      assert.ok(frame);
      const problems = await waitFor(
        async () => {
          const found = await inertProblems(frame, dialogs);
          return found.some((p) => p.startsWith('tripwire: alert')) ? found : undefined;
        },
        10_000,
        'the onerror alert to trip the tripwire',
      );
      const text = problems.join('\n');
      assert.match(text, /IMG onerror=alert\(1\)/);
      assert.match(text, /A href=javascript:alert\(2\)/);
      assert.match(text, /<script> in the content/);
      assert.doesNotMatch(text, /not installed/);
      assert.deepEqual(dialogs, [], 'the tripwire let the alert through');
      const clean = await browser.newPage();
      await clean.addInitScript(`if (window !== window.top) ${TRIPWIRES}`);
      await clean.setContent(
        `<iframe srcdoc='<main id=scorecard-content><p>Fine</p></main>'></iframe>`,
      );
      const cleanFrame = clean.frames()[1];
      assert.ok(cleanFrame);
      assert.deepEqual(await inertProblems(cleanFrame, []), []);
    } finally {
      await browser.close();
    }
  });
});
