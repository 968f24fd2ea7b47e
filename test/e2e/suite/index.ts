// Entry point VS Code's extension host calls (the payload's extensionTestsPath): runs
// the suite with mocha and writes the outcome where the harness can read it, because
// the browser page never closes by itself and nothing else leaves the extension host.
import { writeFile } from 'node:fs/promises';
import Mocha from 'mocha';
import {
  PROGRESS_FILE,
  RESULT_FILE,
  type E2EConfig,
  type SuiteResult,
  type TestOutcome,
} from '../protocol.js';
import { defineAuthoringTests } from './authoring-tests.js';
import { defineDiagnosticsTests } from './diagnostics-tests.js';
import { exchangePath, readConfig } from './exchange.js';
import { defineExtensionTests } from './extension-tests.js';
import { defineHostileTests } from './hostile-tests.js';
import { defineLatencyTests } from './latency-tests.js';
import { defineLivePreviewTests } from './live-preview-tests.js';
import { definePreviewExportTests } from './preview-export-tests.js';

function runMocha(mocha: Mocha): Promise<TestOutcome[]> {
  return new Promise((resolve) => {
    const outcomes: TestOutcome[] = [];
    const runner = mocha.run(() => resolve(outcomes));
    const progress = (event: string, title: string): void => {
      void writeFile(
        exchangePath(PROGRESS_FILE),
        JSON.stringify({ event, title, done: outcomes.length }),
      ).catch(() => undefined);
    };
    runner.on('test', (test) => progress('start', test.fullTitle()));
    runner.on('test end', (test) => progress('end', test.fullTitle()));
    runner.on('pass', (test) => {
      outcomes.push({
        title: test.fullTitle(),
        state: 'passed',
        ...(test.duration === undefined ? {} : { durationMs: test.duration }),
      });
    });
    runner.on('fail', (test, error: unknown) => {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      outcomes.push({ title: test.fullTitle(), state: 'failed', error: message });
    });
  });
}

async function writeResult(result: SuiteResult): Promise<void> {
  await writeFile(exchangePath(RESULT_FILE), JSON.stringify(result, null, 2));
}

export async function run(): Promise<void> {
  try {
    const loaded: E2EConfig = await readConfig();
    const config = (): E2EConfig => loaded;
    const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
    // Bundled test modules cannot be added as files; declaring them after pre-require
    // gives them mocha's describe/it exactly as if mocha had loaded them.
    mocha.suite.emit('pre-require', globalThis, 'e2e', mocha);
    defineExtensionTests(config);
    defineDiagnosticsTests(config);
    defineAuthoringTests(config);
    definePreviewExportTests(config);
    defineLivePreviewTests(config);
    defineHostileTests(config);
    defineLatencyTests();
    if (loaded.grep) mocha.grep(loaded.grep);
    const tests = await runMocha(mocha);
    const failed = tests.filter((t) => t.state === 'failed').length;
    await writeResult({ passed: tests.length - failed, failed, tests });
  } catch (error) {
    await writeResult({
      passed: 0,
      failed: 1,
      tests: [],
      fatal: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
}
