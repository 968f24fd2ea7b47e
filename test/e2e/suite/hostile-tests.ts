// Issue 6.6 end to end: "a failing render keeps the last good preview with an error
// banner; the extension host survives every case". A scratch report (the sample, so
// its data resolves) is previewed, then edited (unsaved) into each hostile case; after
// each, the host must still answer a command and the preview must render again.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmod, copyFile, mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { ScorecardApi } from '../../../src/extension/extension.js';
import type { PreviewState } from '../../../src/extension/preview-panel.js';
import type { E2EConfig } from '../protocol.js';
import { ask, workspaceRoot } from './exchange.js';
import {
  COMMAND_TIMEOUT_MS,
  openPreview,
  replaceText,
  scorecardApi,
  waitForPreview,
  waitForRenderOf,
} from './preview-api.js';
import { waitFor, withTimeout } from '../wait.js';

const WEBVIEW_TIMEOUT_MS = 30_000;
const DIAGNOSTICS_TIMEOUT_MS = 60_000;
/** The engine's cap per data file (MAX_MESSAGES_PER_FILE) plus its "N more" message. */
const MAX_DIAGNOSTICS_PER_FILE = 201;
const BAD_ROWS = 5000;

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** A minimal report reading `data` (the case under test) beside the sample. */
function reportReading(data: string, id: string): string {
  return `---\ntitle: Hostile data\nperiod: 2023/24 Q4\ndata: ${data}\n---\n\nLatest: :value{id=${id}}\n`;
}

export function defineHostileTests(config: () => E2EConfig): void {
  describe('hostile input (issue 6.6)', function () {
    this.timeout(3 * 60_000);
    let api: ScorecardApi;
    let scratch: vscode.TextDocument;
    let sample: vscode.Uri;
    let goodText: string;
    /** Text only the scratch report's preview shows. */
    let marker: string;
    let good: PreviewState;
    let samplesDir: string;
    const made: string[] = [];

    /** The host still answers: a command round trip through the engine, within bounds. */
    async function hostResponds(): Promise<void> {
      const messages = await withTimeout(
        vscode.commands.executeCommand<unknown>('scorecard.checkReport', sample),
        COMMAND_TIMEOUT_MS,
        'scorecard.checkReport after the hostile case',
      );
      assert.ok(Array.isArray(messages), `checkReport returned ${JSON.stringify(messages)}`);
    }

    async function diagnosticsFor(
      uri: vscode.Uri,
      ok: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
      what: string,
    ): Promise<readonly vscode.Diagnostic[]> {
      let last: readonly vscode.Diagnostic[] = [];
      try {
        return await waitFor(
          () => {
            last = vscode.languages.getDiagnostics(uri);
            return ok(last) ? last : undefined;
          },
          DIAGNOSTICS_TIMEOUT_MS,
          what,
        );
      } catch (error) {
        const shown = last.slice(0, 5).map((d) => `${codeOf(d)} ${d.message}`);
        throw new Error(
          `${error instanceof Error ? error.message : String(error)}; ${last.length} diagnostics on ${basename(uri.fsPath)}: ${shown.join(' | ')}`,
          { cause: error },
        );
      }
    }

    /**
     * Edits the scratch report into `text`, then checks: the render came back with a
     * banner naming `rule` (keeping the last good body when the render produced none),
     * the webview shows that banner, and the Problems panel has `rule`.
     */
    async function hostileCase(text: string, rule: string, title: string): Promise<PreviewState> {
      const before = api.previewState(scratch.uri);
      assert.ok(before, 'no preview state before the case');
      await replaceText(scratch, text);
      const state = await waitForRenderOf(api, scratch);
      assert.notEqual(state.banner, '', `no banner after ${title}`);
      assert.ok(state.banner.includes(`(${rule})`), `the banner lacks ${rule}: ${state.banner}`);
      assert.notEqual(state.body.trim(), '', 'the preview went blank');
      await diagnosticsFor(
        scratch.uri,
        (diagnostics) => diagnostics.some((d) => codeOf(d) === rule),
        `a ${rule} diagnostic on the scratch report`,
      );
      await ask({
        kind: 'text',
        title: `the webview shows the ${rule} banner (${title})`,
        needles: [`(${rule})`],
        timeoutMs: WEBVIEW_TIMEOUT_MS,
      });
      await hostResponds();
      return state;
    }

    /** Back to the good report: the preview must render it, without a banner, as before. */
    async function restore(): Promise<void> {
      await replaceText(scratch, goodText);
      await waitForPreview(
        api,
        scratch.uri,
        (state) =>
          state.version >= scratch.version && state.banner === '' && state.body === good.body,
        'the preview to render the good report again',
      );
      await ask({
        kind: 'text',
        title: 'the webview shows the good report again, without a banner',
        needles: [marker],
        absent: ['could not be updated', 'would not export'],
        timeoutMs: WEBVIEW_TIMEOUT_MS,
      });
    }

    before(async () => {
      api = await scorecardApi();
      const root = workspaceRoot();
      sample = vscode.Uri.file(join(root, config().report));
      samplesDir = dirname(sample.fsPath);
      marker = `Hostile scratch ${Date.now().toString(36)}`;
      goodText = `${await readFile(sample.fsPath, 'utf8')}\n\n${marker}\n`;
      const path = join(samplesDir, 'e2e-hostile.md');
      await writeFile(path, goodText);
      made.push(path);
      scratch = await vscode.workspace.openTextDocument(path);
      await openPreview(scratch);
      good = await waitForPreview(
        api,
        scratch.uri,
        (state) => state.banner === '' && state.body.includes(marker),
        'the scratch report to render',
      );
    });

    after(async () => {
      // Leave the scratch report good (it stays open, unsaved) and the workspace clean.
      if (scratch && scratch.getText() !== goodText) await replaceText(scratch, goodText);
      for (const path of made.reverse()) {
        await chmod(path, 0o644).catch(() => undefined);
        await rm(path, { recursive: true, force: true });
      }
    });

    afterEach(async function () {
      // A failed case must not leave the next one starting from a hostile report.
      if (this.currentTest?.state === 'failed' && scratch.getText() !== goodText)
        await replaceText(scratch, goodText).catch(() => undefined);
    });

    it('renders the attack corpus inert: no handler, script, dialog or tripwire in the webview', async () => {
      const attackData = join(samplesDir, 'data', basename(config().attackData));
      await copyFile(join(workspaceRoot(), config().attackData), attackData);
      made.push(attackData);
      // The tripwires go into the preview's document before the attack reaches it.
      await ask({
        kind: 'arm',
        title: 'tripwires installed in the preview frame',
        needles: [marker],
        timeoutMs: WEBVIEW_TIMEOUT_MS,
      });
      const attack = await readFile(join(workspaceRoot(), config().attackReport), 'utf8');
      await replaceText(scratch, `${attack}\n\n${marker}\n`);
      const state = await waitForRenderOf(api, scratch);
      assert.ok(state.body.includes('forged data-line'), 'the attack report did not render');
      await diagnosticsFor(
        scratch.uri,
        (diagnostics) => diagnostics.some((d) => codeOf(d) === 'unknown-attribute'),
        'the attack report checked (unknown-attribute)',
      );
      await ask({
        kind: 'inert',
        title: 'the attack corpus in the preview has no handler, script, dialog or tripwire hit',
        needles: [marker, 'forged data-line'],
        timeoutMs: WEBVIEW_TIMEOUT_MS,
        screenshot: 'preview-attacks',
      });
      await hostResponds();
      await restore();
    });

    it('keeps the last good preview with a banner for a report over 10 MB (input-too-large)', async () => {
      const line =
        'Padding to push the report over the limit, one ordinary line of prose after another.\n';
      const padding = line.repeat(Math.ceil((10 * 1024 * 1024 + 1024) / line.length));
      const state = await hostileCase(`${goodText}\n${padding}`, 'input-too-large', '10 MB report');
      assert.equal(state.body, good.body, 'the last good body was not kept');
      assert.match(state.banner, /could not be updated; showing the last good render/);
      await ask({
        kind: 'text',
        title: 'the webview keeps the last good render under the input-too-large banner',
        needles: [marker, '(input-too-large)', 'showing the last good render'],
        timeoutMs: WEBVIEW_TIMEOUT_MS,
        screenshot: 'preview-too-large',
      });
      await restore();
    });

    it('refuses a data: path outside the workspace (path-not-allowed)', async () => {
      // Two folders up from samples/: beside the workspace, in no allowed data folder.
      const outside = join(workspaceRoot(), '..', 'e2e-outside.yaml');
      await copyFile(join(workspaceRoot(), config().dataChange.file), outside);
      made.push(outside);
      await hostileCase(
        reportReading(relative(samplesDir, outside), config().dataChange.id),
        'path-not-allowed',
        'data outside the workspace',
      );
      await restore();
    });

    it('answers at once for a data path that is a named pipe', async () => {
      const pipe = join(samplesDir, 'data', 'e2e-pipe.yaml');
      await rm(pipe, { force: true });
      await promisify(execFile)('mkfifo', [pipe]);
      made.push(pipe);
      const state = await hostileCase(
        reportReading('data/e2e-pipe.yaml', config().dataChange.id),
        'data-missing',
        'named pipe',
      );
      assert.match(state.banner, /not a regular file/);
      await restore();
    });

    it('caps the Problems for a CSV with thousands of bad rows', async () => {
      const csv = join(samplesDir, 'data', 'e2e-bad-rows.csv');
      const handle = await open(csv, 'w');
      try {
        let rows = 'indicator,period,value,numerator,denominator,symbol,note\n';
        for (let i = 0; i < BAD_ROWS; i++) rows += `U${i},2023/24 Q4,1,,,,\n`;
        await handle.write(rows);
      } finally {
        await handle.close();
      }
      made.push(csv);
      await hostileCase(
        reportReading('data/e2e-bad-rows.csv', config().dataChange.id),
        'unknown-indicator',
        'CSV with thousands of bad rows',
      );
      const diagnostics = await diagnosticsFor(
        vscode.Uri.file(csv),
        (found) => found.length > 100,
        'the Problems panel to list the bad CSV rows',
      );
      assert.ok(
        diagnostics.length <= MAX_DIAGNOSTICS_PER_FILE,
        `${diagnostics.length} diagnostics on the CSV, over the cap of ${MAX_DIAGNOSTICS_PER_FILE}`,
      );
      assert.ok(
        diagnostics.some((d) => /more problems in this file are not listed/.test(d.message)),
        'no "more problems" diagnostic on the CSV',
      );
      await restore();
      await diagnosticsFor(
        vscode.Uri.file(csv),
        (found) => found.length === 0,
        'the CSV problems to clear once the report no longer reads it',
      );
    });

    it('gives a diagnostic, not a crash, for a data file that cannot be read', async () => {
      // chmod 000 does not stop root, so a folder where a file is expected stands in; the
      // unreadable file is tried as well when the host does not run as root.
      const folder = join(samplesDir, 'data', 'e2e-folder.yaml');
      await mkdir(folder, { recursive: true });
      made.push(folder);
      const state = await hostileCase(
        reportReading('data/e2e-folder.yaml', config().dataChange.id),
        'data-missing',
        'a folder where a data file is expected',
      );
      assert.match(state.banner, /is a folder/);
      await restore();
      if (process.getuid?.() !== 0) {
        const locked = join(samplesDir, 'data', 'e2e-locked.yaml');
        await copyFile(join(workspaceRoot(), config().dataChange.file), locked);
        made.push(locked);
        await chmod(locked, 0);
        await hostileCase(
          reportReading('data/e2e-locked.yaml', config().dataChange.id),
          'data-missing',
          'an unreadable data file',
        );
        await restore();
      }
    });
  });
}
