// End-to-end tests in a real VS Code (code-server + headless Chromium): packages the
// extension, installs the .vsix, runs ./suite inside the extension host, checks the
// preview webview from outside, and exits non-zero on any failure.
// Run: node --import tsx test/e2e/run.ts   (after .ci/install-code-server.sh)
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
  cpSync,
  existsSync,
  readFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXCHANGE_DIR, LATENCY_FILE, type LatencyResults, type TestOutcome } from './protocol.js';
import { codeServerBin } from './harness/code-server.js';
import { computeExpectations } from './harness/expectations.js';
import { bundleSuite, packageExtension } from './harness/packaging.js';
import { runSession } from './harness/session.js';
import { prepareWorkspace, writeUserSettings } from './harness/workspace.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsDir = join(repo, 'test-results', 'e2e');
const SESSION_TIMEOUT_MS = 10 * 60_000;

function section(title: string): void {
  console.log(`\n=== e2e: ${title} ===`);
}

function printOutcomes(outcomes: readonly TestOutcome[]): void {
  for (const outcome of outcomes) {
    console.log(`  ${outcome.state === 'passed' ? 'ok  ' : 'FAIL'} ${outcome.title}`);
    if (outcome.error) console.log(outcome.error.replace(/^/gm, '         '));
  }
}

async function main(): Promise<number> {
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  const codeServer = codeServerBin(repo);
  const chromiumPath = process.env['SCORECARD_CHROMIUM'] ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath))
    throw new Error(`Chromium not found at ${chromiumPath}: run .ci/install-code-server.sh`);

  section('package the extension');
  const vsix = process.env['SCORECARD_E2E_VSIX'] ?? packageExtension(repo);
  const suiteModule = await bundleSuite(repo);

  const tmp = mkdtempSync(join(tmpdir(), 'scorecard-e2e-'));
  try {
    section('prepare the workspace');
    const workspace = prepareWorkspace(repo, tmp);
    const profile = { userDataDir: join(tmp, 'user-data'), extensionsDir: join(tmp, 'extensions') };
    writeUserSettings(profile.userDataDir, workspace);
    const computed = await computeExpectations({
      repo,
      workspace: workspace.root,
      extensionsDir: profile.extensionsDir,
      allowedRoots: workspace.allowedDataFolders,
      nonce: randomBytes(4).toString('hex'),
    });
    // SCORECARD_E2E_GREP=latency (say) runs only the tests whose titles match.
    const grep = process.env['SCORECARD_E2E_GREP'];
    const expectations = grep ? { ...computed, config: { ...computed.config, grep } } : computed;
    writeFileSync(join(resultsDir, 'expectations.json'), JSON.stringify(expectations, null, 2));

    section('run the suite in code-server');
    const result = await runSession({
      codeServer,
      vsix,
      suiteModule,
      workspace: workspace.root,
      profile,
      expectations,
      resultsDir,
      chromiumPath,
      timeoutMs: SESSION_TIMEOUT_MS,
    });
    writeFileSync(join(resultsDir, 'result.json'), JSON.stringify(result, null, 2));
    // The extension host's own logs explain most failures inside VS Code.
    cpSync(join(profile.userDataDir, 'logs'), join(resultsDir, 'logs'), {
      recursive: true,
      force: true,
    });

    const preview = result.screenshots['preview'];
    if (preview) {
      mkdirSync(join(repo, 'docs'), { recursive: true });
      copyFileSync(preview, join(repo, 'docs', 'preview.png'));
    }

    // The keystroke-to-preview figures; `npm run bench` records them in bench/RESULTS.md.
    const latency = join(workspace.root, EXCHANGE_DIR, LATENCY_FILE);
    if (existsSync(latency)) {
      copyFileSync(latency, join(resultsDir, LATENCY_FILE));
      section('keystroke to preview (median ms; recorded, not asserted)');
      const results = JSON.parse(readFileSync(latency, 'utf8')) as LatencyResults;
      for (const size of results.sizes)
        console.log(
          `  ${size.indicators} indicators: Scorecard ${size.scorecardMedianMs}, VS Code ${size.markdownMedianMs}, ratio ${size.ratio.toFixed(2)} (DOM only: ${size.scorecardDomMedianMs} against ${size.markdownDomMedianMs}, ratio ${size.domRatio.toFixed(2)})`,
        );
    }

    section('results');
    printOutcomes(result.suite.tests);
    printOutcomes(result.harness);
    if (result.suite.fatal) console.log(`  FATAL ${result.suite.fatal}`);
    const all = [...result.suite.tests, ...result.harness];
    const passed = all.filter((t) => t.state === 'passed').length;
    const failed = all.length - passed + (result.suite.fatal ? 1 : 0);
    console.log(`\nScreenshots and logs: ${resultsDir}`);
    console.log(`${passed} passed, ${failed} failed`);
    return failed === 0 && passed > 0 ? 0 : 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
