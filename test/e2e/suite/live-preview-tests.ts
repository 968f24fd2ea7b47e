// Issue 3 end to end: the preview follows the editor's scrolling, picks up a data file
// changed on disk, and keeps its scroll position when it updates. The harness measures
// the webview (scrollY, text); the suite drives the editor and the files.
import * as assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { ScorecardApi } from '../../../src/extension/extension.js';
import type { E2EConfig } from '../protocol.js';
import { ask, workspaceRoot } from './exchange.js';
import { waitFor } from '../wait.js';
import { openPreview, scorecardApi, waitForPreview, waitForRenderOf } from './preview-api.js';

/** How long the harness watches the webview for each answer. */
const WEBVIEW_TIMEOUT_MS = 30_000;
/** Pixels the preview may drift when it re-lays out the same content. */
const SCROLL_TOLERANCE_PX = 60;

export function defineLivePreviewTests(config: () => E2EConfig): void {
  describe('live preview (issue 3)', function () {
    this.timeout(4 * 60_000);
    let api: ScorecardApi;
    let document: vscode.TextDocument;
    let editor: vscode.TextEditor;
    /** Text only this report's preview holds, so the harness finds its frame. */
    let needle: string;
    let dataFile: string;
    let dataText: string;
    /** scrollY after the editor was scrolled near the end. */
    let scrolledTo = 0;

    before(async () => {
      api = await scorecardApi();
      document = await vscode.workspace.openTextDocument(join(workspaceRoot(), config().report));
      // The earlier preview test leaves its unsaved edit; without it (run alone), add it.
      if (!document.getText().includes(config().edit.trim())) {
        const edit = new vscode.WorkspaceEdit();
        edit.insert(document.uri, document.lineAt(document.lineCount - 1).range.end, config().edit);
        assert.equal(await vscode.workspace.applyEdit(edit), true);
      }
      needle = /Live edit \w+/.exec(config().edit)?.[0] ?? config().edit.trim();
      editor = await openPreview(document);
      await waitForRenderOf(api, document);
      dataFile = join(workspaceRoot(), config().dataChange.file);
      dataText = await readFile(dataFile, 'utf8');
    });

    after(async () => {
      // Later tests read the sample data as it was.
      if (dataText !== undefined) await writeFile(dataFile, dataText);
    });

    it('follows the editor when it scrolls near the end', async () => {
      editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
      editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
      const top = await ask({
        kind: 'scroll',
        title: 'the preview is at the top while the editor is',
        needles: [needle],
        max: SCROLL_TOLERANCE_PX,
        timeoutMs: WEBVIEW_TIMEOUT_MS,
      });
      const line = Math.max(0, document.lineCount - 4);
      editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
      // The editor reports its new visible range once the workbench has scrolled it.
      await waitFor(
        () => ((editor.visibleRanges[0]?.start.line ?? 0) > 0 ? true : undefined),
        WEBVIEW_TIMEOUT_MS,
        `the editor to scroll to line ${line}`,
      ).catch(() =>
        assert.fail(`the editor did not scroll: ${JSON.stringify(editor.visibleRanges)}`),
      );
      const scrolled = await ask({
        kind: 'scroll',
        title: 'the preview scrolls with the editor to near the end',
        needles: [needle],
        min: (top.scrollY ?? 0) + 300,
        timeoutMs: WEBVIEW_TIMEOUT_MS,
        screenshot: 'preview-scrolled',
      });
      scrolledTo = scrolled.scrollY ?? 0;
    });

    it('shows a value written to the data file on disk, and keeps its scroll position', async () => {
      assert.ok(scrolledTo > 0, 'the scrolling test did not leave the preview scrolled');
      const { from, to, figure, id } = config().dataChange;
      assert.ok(dataText.includes(from), `${dataFile} lacks the line ${from}`);
      assert.ok(
        !api.previewState(document.uri)?.body.includes(figure),
        `the preview already shows ${figure}`,
      );
      // Written behind VS Code's back, as another program (or a colleague's sync) would.
      await writeFile(dataFile, dataText.replace(from, to));
      await waitForPreview(
        api,
        document.uri,
        (state) => state.body.includes(figure) && state.banner === '',
        `the preview to show ${id} as ${figure} after the data file changed`,
      );
      await ask({
        kind: 'text',
        title: `the webview shows the new figure ${figure} read from the changed data file`,
        needles: [needle, figure],
        timeoutMs: WEBVIEW_TIMEOUT_MS,
        screenshot: 'preview-data-changed',
      });
      await ask({
        kind: 'scroll',
        title: 'the preview keeps its scroll position across the data update',
        needles: [needle, figure],
        min: scrolledTo - SCROLL_TOLERANCE_PX,
        max: scrolledTo + SCROLL_TOLERANCE_PX,
        timeoutMs: WEBVIEW_TIMEOUT_MS,
      });
    });

    it('keeps its scroll position across an unsaved edit', async () => {
      const edit = new vscode.WorkspaceEdit();
      const marker = `Scroll kept ${Date.now().toString(36)}`;
      edit.insert(document.uri, new vscode.Position(document.lineCount - 1, 0), `${marker}\n\n`);
      assert.equal(await vscode.workspace.applyEdit(edit), true);
      await waitForPreview(
        api,
        document.uri,
        (state) => state.version >= document.version && state.body.includes(marker),
        'the preview to render the edit',
      );
      await ask({
        kind: 'scroll',
        title: 'the preview keeps its scroll position across an unsaved edit',
        needles: [needle, marker],
        min: scrolledTo - SCROLL_TOLERANCE_PX,
        max: scrolledTo + SCROLL_TOLERANCE_PX,
        timeoutMs: WEBVIEW_TIMEOUT_MS,
      });
    });

    it('comes back where the editor is after another preview hid it', async () => {
      assert.ok(scrolledTo > 0, 'the scrolling test did not leave the preview scrolled');
      // A second preview in the same column hides this one; VS Code then drops its page.
      const other = join(workspaceRoot(), dirname(config().report), 'e2e-other.md');
      await writeFile(
        other,
        `${config().frontMatter}\nAnother report: :value{id=${config().hoverId}}\n`,
      );
      const otherDocument = await vscode.workspace.openTextDocument(other);
      await openPreview(otherDocument);
      await waitForRenderOf(api, otherDocument);
      await ask({
        kind: 'text',
        title: 'a second preview covers the first',
        needles: ['Another report'],
        timeoutMs: WEBVIEW_TIMEOUT_MS,
      });
      // Back to the report, still scrolled near its end, and its preview again.
      editor = await openPreview(document);
      const top = editor.visibleRanges[0]?.start.line ?? 0;
      assert.ok(
        top > 0,
        `the editor lost its scroll position: ${JSON.stringify(editor.visibleRanges)}`,
      );
      await ask({
        kind: 'scroll',
        title: 'the preview shown again is scrolled to where the editor is',
        needles: [needle],
        min: scrolledTo / 2,
        timeoutMs: WEBVIEW_TIMEOUT_MS,
      });
    });

    it('goes back to the old figure when the data file is restored', async () => {
      const { figure } = config().dataChange;
      await writeFile(dataFile, dataText);
      await waitForPreview(
        api,
        document.uri,
        (state) => !state.body.includes(figure) && state.banner === '',
        `the preview to drop ${figure} after the data file was restored`,
      );
      await ask({
        kind: 'text',
        title: 'the webview drops the figure once the data file is restored',
        needles: [needle],
        absent: [figure],
        timeoutMs: WEBVIEW_TIMEOUT_MS,
      });
    });
  });
}
