// One end-to-end session: code-server with the .vsix installed, headless Chromium on the
// workbench, the suite running in the extension host, the harness watching the webview.
import { CHROMIUM_ARGS } from '../../../src/cli/pdf.js';
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  EXCHANGE_DIR,
  CONFIG_FILE,
  MARKERS,
  PROGRESS_FILE,
  REQUEST_PREFIX,
  RESPONSE_PREFIX,
  RESULT_FILE,
  type HarnessRequestFile,
  type Marker,
  type MarkerName,
  type SuiteResult,
  type TestOutcome,
} from '../protocol.js';
import { installExtension, startCodeServer, workbenchUrl, type Profile } from './code-server.js';
import type { Expectations } from './expectations.js';
import { freePort } from './free-port.js';
import { answerRequest, TRIPWIRES } from './requests.js';
import { waitForFrameText } from './webview.js';

export interface SessionOptions {
  readonly codeServer: string;
  readonly vsix: string;
  readonly suiteModule: string;
  readonly workspace: string;
  readonly profile: Profile;
  readonly expectations: Expectations;
  /** Screenshots and logs go here. */
  readonly resultsDir: string;
  readonly chromiumPath: string;
  readonly timeoutMs: number;
}

export interface SessionResult {
  readonly suite: SuiteResult;
  /** The harness's own checks (the webview). */
  readonly harness: readonly TestOutcome[];
  readonly screenshots: Readonly<Record<string, string>>;
}

/**
 * The longest the suite may go without starting or ending a test or asking the harness
 * something; longer means the extension host died (no test waits this long on one thing).
 */
const STALL_MS = 3 * 60_000;

/** How long the harness looks for the figures in the webview before it gives up. */
const WEBVIEW_TIMEOUT_MS = 60_000;

function exchange(workspace: string, name: string): string {
  return join(workspace, EXCHANGE_DIR, name);
}

function readJson<T>(path: string): T | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    // Caught mid-write; the next poll reads it whole.
    return undefined;
  }
}

export async function runSession(options: SessionOptions): Promise<SessionResult> {
  const { workspace, resultsDir } = options;
  mkdirSync(join(workspace, EXCHANGE_DIR), { recursive: true });
  writeFileSync(
    exchange(workspace, CONFIG_FILE),
    JSON.stringify(options.expectations.config, null, 2),
  );
  installExtension(options.codeServer, options.vsix, options.profile, workspace);

  const server = await startCodeServer({
    bin: options.codeServer,
    port: await freePort(),
    workspace,
    profile: options.profile,
    logFile: join(resultsDir, 'code-server.log'),
  });
  let browser: Browser | undefined;
  const harness: TestOutcome[] = [];
  const screenshots: Record<string, string> = {};
  try {
    browser = await chromium.launch({
      executablePath: options.chromiumPath,
      args: [...CHROMIUM_ARGS],
      timeout: 60_000,
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const consoleLog: string[] = [];
    page.on('console', (message) => consoleLog.push(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => consoleLog.push(`[pageerror] ${error.message}`));
    // No report may open a dialog; any that opens is recorded (the attack check fails on
    // it) and dismissed, so it cannot block the page.
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    // Tripwires in every frame but the workbench's own, before any of them loads.
    await page.addInitScript(`if (window !== window.top) ${TRIPWIRES}`);
    const placeholder = join(options.profile.userDataDir, 'no-extension');
    mkdirSync(placeholder, { recursive: true });
    await page.goto(workbenchUrl(server.origin, workspace, options.suiteModule, placeholder), {
      timeout: 60_000,
    });

    const shoot = async (name: string): Promise<void> => {
      const path = join(resultsDir, `${name}.png`);
      await page.screenshot({ path, timeout: 15_000 }).catch(() => undefined);
      if (existsSync(path)) screenshots[name] = path;
    };
    const check = async (
      title: string,
      marker: MarkerName,
      body: () => Promise<void>,
    ): Promise<void> => {
      const started = Date.now();
      let outcome: Marker;
      try {
        await body();
        harness.push({ title, state: 'passed', durationMs: Date.now() - started });
        outcome = { ok: true };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        harness.push({ title, state: 'failed', error: message });
        outcome = { ok: false, detail: message };
      }
      writeFileSync(exchange(workspace, marker), JSON.stringify(outcome));
    };
    const { preview } = options.expectations;
    const answered = new Set<string>();
    /** Answers the suite's ad hoc requests (request-ID.json -> response-ID.json). */
    const answerRequests = async (): Promise<boolean> => {
      const names = readdirSync(join(workspace, EXCHANGE_DIR)).filter(
        (name) => name.startsWith(REQUEST_PREFIX) && name.endsWith('.json') && !answered.has(name),
      );
      for (const name of names.sort()) {
        const request = readJson<HarnessRequestFile>(exchange(workspace, name));
        if (!request) continue; // caught mid-write
        answered.add(name);
        const started = Date.now();
        const response = await answerRequest(request, {
          page,
          dialogs,
          shoot: async (shot, frame) => {
            await shoot(shot);
            const path = join(resultsDir, `${shot}-webview.png`);
            await frame
              .frameElement()
              .then((element) => element.screenshot({ path, timeout: 15_000 }))
              .then(() => (screenshots[`${shot}-webview`] = path))
              .catch(() => undefined);
          },
        });
        harness.push({
          title: `harness: ${request.title}`,
          state: response.ok ? 'passed' : 'failed',
          durationMs: Date.now() - started,
          ...(response.ok ? {} : { error: response.detail ?? 'failed' }),
        });
        const id = name.slice(REQUEST_PREFIX.length);
        writeFileSync(exchange(workspace, `${RESPONSE_PREFIX}${id}`), JSON.stringify(response));
      }
      return names.length > 0;
    };

    const deadline = Date.now() + options.timeoutMs;
    let lastProgress = '';
    let progressAt = Date.now();
    let suite: SuiteResult | undefined;
    let previewChecked = false;
    let editChecked = false;
    try {
      while (!suite) {
        suite = readJson<SuiteResult>(exchange(workspace, RESULT_FILE));
        if (suite) break;
        if (!previewChecked && existsSync(exchange(workspace, MARKERS.previewOpened))) {
          previewChecked = true;
          await check(
            'harness: the preview webview shows the resolved figures',
            MARKERS.previewSeen,
            async () => {
              const frame = await waitForFigures(page, preview.figures);
              await shoot('preview');
              await frame
                .frameElement()
                .then((element) =>
                  element.screenshot({
                    path: join(resultsDir, 'preview-webview.png'),
                    timeout: 15_000,
                  }),
                )
                .then(
                  () => (screenshots['preview-webview'] = join(resultsDir, 'preview-webview.png')),
                )
                .catch(() => undefined);
            },
          );
        }
        if (!editChecked && existsSync(exchange(workspace, MARKERS.edited))) {
          editChecked = true;
          await check(
            'harness: the preview follows an unsaved edit',
            MARKERS.editSeen,
            async () => {
              await waitForFigures(page, [preview.edited]);
              await shoot('preview-after-edit');
            },
          );
        }
        if (await answerRequests()) progressAt = Date.now();
        const progress = existsSync(exchange(workspace, PROGRESS_FILE))
          ? readFileSync(exchange(workspace, PROGRESS_FILE), 'utf8')
          : '';
        if (progress !== lastProgress) {
          lastProgress = progress;
          progressAt = Date.now();
        }
        if (Date.now() - progressAt > STALL_MS)
          throw new Error(
            `The suite made no progress for ${STALL_MS / 1000} s (did the extension host die?); last: ${lastProgress || 'no test started'}`,
          );
        if (server.child.exitCode !== null) throw new Error('code-server exited during the run');
        if (Date.now() > deadline)
          throw new Error(`The suite wrote no result within ${options.timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    } catch (error) {
      suite = {
        passed: 0,
        failed: 1,
        tests: [],
        fatal: error instanceof Error ? error.message : String(error),
      };
    }
    await shoot('workbench-final');
    writeFileSync(join(resultsDir, 'browser-console.log'), consoleLog.join('\n'));
    return { suite, harness, screenshots };
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
  }
}

async function waitForFigures(page: Page, figures: readonly string[]) {
  // An unresolved directive in the webview means the preview showed source, not figures.
  return waitForFrameText(page, figures, [':value{id='], WEBVIEW_TIMEOUT_MS);
}
