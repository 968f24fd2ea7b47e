// Issue 13: keystroke to preview, the Scorecard preview against VS Code's own Markdown
// preview of the same file in the same session, on generated reports; and the block patch
// seen from outside (a chart's SVG is the same node after an edit elsewhere). The figures
// are recorded, never asserted: a slow machine must not fail the suite.
import * as assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { indicatorId, writeReport } from '../../../bench/generate.js';
import type { ScorecardApi } from '../../../src/extension/extension.js';
import {
  EXCHANGE_DIR,
  LATENCY_FILE,
  type LatencyFigures,
  type LatencyResults,
} from '../protocol.js';
import { ask, exchangePath, workspaceRoot } from './exchange.js';
import { scorecardApi, waitForPreview, waitForRenderOf } from './preview-api.js';

/** Report sizes the issue names. */
const SIZES = [20, 100] as const;
/** Repetitions per size, after the warm-up ones (not counted). */
const REPETITIONS = 7;
const WARM_UP = 2;
/** The sanity bound: the previews updated at all. Not a performance target. */
const SHOWN_WITHIN_MS = 30_000;
/** A pause between keystrokes, so one edit's renders do not overlap the next. */
const SETTLE_MS = 400;
/** Text the Markdown preview shows unresolved and the Scorecard preview never does. */
const UNRESOLVED = ':value{id=';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Closes every tab that has no unsaved text (previews, saved editors); no prompt can open. */
async function closeCleanTabs(): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((t) => !t.isDirty);
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs);
}

interface Opened {
  readonly document: vscode.TextDocument;
  readonly editor: vscode.TextEditor;
}

/**
 * The report in the first column, the Scorecard preview in the second and VS Code's own
 * in the third: both previews visible, as an author comparing them would have them.
 */
async function openBoth(api: ScorecardApi, reportPath: string): Promise<Opened> {
  const document = await vscode.workspace.openTextDocument(reportPath);
  await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
  await vscode.commands.executeCommand('scorecard.openPreviewToSide', document.uri);
  await waitForRenderOf(api, document);
  // "To the side" of the Scorecard preview, so neither hides the other.
  await vscode.commands.executeCommand('workbench.action.focusSecondEditorGroup');
  await vscode.commands.executeCommand('markdown.showPreviewToSide', document.uri);
  const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
  return { document, editor };
}

/** Where the middle indicator's narrative says "reflects": the keystrokes go after it. */
function typingPlace(document: vscode.TextDocument, id: string): vscode.Position {
  const anchor = `Performance on ${id} reflects`;
  const at = document.getText().indexOf(anchor);
  assert.ok(at >= 0, `the generated report lacks "${anchor}"`);
  return document.positionAt(at + anchor.length);
}

export function defineLatencyTests(): void {
  describe('keystroke to preview (issue 13)', function () {
    this.timeout(10 * 60_000);
    let api: ScorecardApi;
    const figures: LatencyFigures[] = [];

    before(async () => {
      api = await scorecardApi();
      await closeCleanTabs();
    });

    after(async () => {
      if (figures.length === 0) return;
      const results: LatencyResults = {
        measuredAt: new Date().toISOString(),
        vscodeVersion: vscode.version,
        loadAverage: loadavg()[0] ?? 0,
        cores: cpus().length,
        sizes: figures,
      };
      await mkdir(join(workspaceRoot(), EXCHANGE_DIR), { recursive: true });
      await writeFile(exchangePath(LATENCY_FILE), JSON.stringify(results, null, 2));
    });

    afterEach(async () => {
      for (const document of vscode.workspace.textDocuments)
        if (document.isDirty && document.fileName.includes(`${join('latency', 'report-')}`))
          await document.save();
      await closeCleanTabs();
    });

    it('keeps an unchanged chart’s SVG node in place when another paragraph is edited', async () => {
      const generated = writeReport(join(workspaceRoot(), 'latency', 'nodes'), 4);
      const { document, editor } = await openBoth(api, generated.reportPath);
      const held = await ask({
        kind: 'tag',
        title: 'hold the SVG nodes of the charts in the Scorecard preview',
        needles: [`Performance on ${indicatorId(0)} reflects`],
        absent: [UNRESOLVED],
        selector: 'figure.sc-chart svg',
        timeoutMs: SHOWN_WITHIN_MS,
      });
      assert.equal(held.count, 4, 'one SVG per chart');
      const marker = `kept${Date.now().toString(36)}`;
      await editor.edit((edit) => edit.insert(typingPlace(document, indicatorId(2)), marker));
      await waitForPreview(
        api,
        document.uri,
        (state) => state.body.includes(marker),
        'the Scorecard preview to render the edit',
      );
      await ask({
        kind: 'tagged',
        title: 'every chart SVG is the same node after the edit',
        needles: [`reflects${marker}`],
        absent: [UNRESOLVED],
        timeoutMs: SHOWN_WITHIN_MS,
      });
    });

    for (const size of SIZES) {
      it(`records keystroke-to-preview latency at ${size} indicators, against VS Code's preview`, async () => {
        const generated = writeReport(join(workspaceRoot(), 'latency'), size);
        const { document, editor } = await openBoth(api, generated.reportPath);
        const id = indicatorId(Math.floor(size / 2));
        const place = typingPlace(document, id);
        const scorecardMs: number[] = [];
        const markdownMs: number[] = [];
        const scorecardDomMs: number[] = [];
        const markdownDomMs: number[] = [];
        const scorecardHostMs: number[] = [];
        for (let rep = 0; rep < WARM_UP + REPETITIONS; rep++) {
          const before = `on ${id} reflects${'x'.repeat(rep)} the work`;
          const after = `on ${id} reflects${'x'.repeat(rep + 1)} the work`;
          await ask({
            kind: 'observe',
            title: `watch both previews for keystroke ${rep + 1} at ${size} indicators`,
            needles: [before],
            text: after,
            timeoutMs: SHOWN_WITHIN_MS,
          });
          let renderedAt = 0;
          const rendered = api.onDidRenderPreview((uri) => {
            if (renderedAt === 0 && uri.toString() === document.uri.toString())
              if (api.previewState(uri)?.body.includes(after)) renderedAt = Date.now();
          });
          const typedAt = Date.now();
          assert.equal(await editor.edit((edit) => edit.insert(place, 'x')), true);
          const answer = await ask({
            kind: 'collect',
            title: `both previews show keystroke ${rep + 1} at ${size} indicators`,
            needles: [],
            timeoutMs: SHOWN_WITHIN_MS,
          });
          rendered.dispose();
          const seen = answer.seen;
          assert.ok(seen, 'the harness answered without times');
          if (rep >= WARM_UP) {
            scorecardMs.push(seen.scorecard.painted - typedAt);
            markdownMs.push(seen.markdown.painted - typedAt);
            scorecardDomMs.push(seen.scorecard.dom - typedAt);
            markdownDomMs.push(seen.markdown.dom - typedAt);
            scorecardHostMs.push(renderedAt - typedAt);
          }
          await sleep(SETTLE_MS);
        }
        const scorecardMedianMs = median(scorecardMs);
        const markdownMedianMs = median(markdownMs);
        const scorecardDomMedianMs = median(scorecardDomMs);
        const markdownDomMedianMs = median(markdownDomMs);
        const result: LatencyFigures = {
          indicators: size,
          scorecardMs,
          markdownMs,
          scorecardMedianMs,
          markdownMedianMs,
          ratio: markdownMedianMs > 0 ? scorecardMedianMs / markdownMedianMs : Infinity,
          scorecardDomMs,
          markdownDomMs,
          scorecardDomMedianMs,
          markdownDomMedianMs,
          scorecardHostMs,
          domRatio: markdownDomMedianMs > 0 ? scorecardDomMedianMs / markdownDomMedianMs : Infinity,
        };
        figures.push(result);
        console.log(
          `latency at ${size} indicators: Scorecard ${scorecardMedianMs} ms, VS Code ${markdownMedianMs} ms (ratio ${result.ratio.toFixed(2)}); in the DOM ${scorecardDomMedianMs} against ${markdownDomMedianMs} ms`,
        );
      });
    }
  });
}
