// The live preview (checked from outside by the harness, which alone can look inside
// the webview) and the export commands.
import * as assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import * as vscode from 'vscode';
import { MARKERS, type E2EConfig } from '../protocol.js';
import { awaitMarker, workspaceRoot, writeMarker } from './exchange.js';
import { waitFor, withTimeout } from '../wait.js';

const COMMAND_TIMEOUT_MS = 30_000;
/** The harness polls the webview for this long before it answers. */
const HARNESS_TIMEOUT_MS = 75_000;

async function openReport(config: E2EConfig): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(join(workspaceRoot(), config.report));
  return vscode.window.showTextDocument(document, vscode.ViewColumn.One);
}

async function exportWith(command: string, config: E2EConfig): Promise<string> {
  const editor = await openReport(config);
  const written = await withTimeout(
    vscode.commands.executeCommand<unknown>(command, editor.document.uri),
    COMMAND_TIMEOUT_MS,
    command,
  );
  assert.equal(
    typeof written,
    'string',
    `${command} returned ${JSON.stringify(written)}, not the written path`,
  );
  const path = written as string;
  assert.ok(isAbsolute(path), path);
  assert.ok((await stat(path)).size > 0, `${path} is empty`);
  return path;
}

export function definePreviewExportTests(config: () => E2EConfig): void {
  describe('preview and export', () => {
    it('opens the preview, which shows the resolved figures and follows an unsaved edit', async function () {
      this.timeout(2 * HARNESS_TIMEOUT_MS + 2 * COMMAND_TIMEOUT_MS);
      const editor = await openReport(config());
      // Room for the editor and the preview side by side in the README's screenshot.
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
      await withTimeout(
        vscode.commands.executeCommand('scorecard.openPreviewToSide'),
        COMMAND_TIMEOUT_MS,
        'scorecard.openPreviewToSide',
      );
      await writeMarker(MARKERS.previewOpened, { ok: true });
      await awaitMarker(MARKERS.previewSeen, HARNESS_TIMEOUT_MS);

      // Typed, not saved: the preview must follow the buffer, not the file on disk.
      const edit = new vscode.WorkspaceEdit();
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      edit.insert(editor.document.uri, end, config().edit);
      assert.equal(await vscode.workspace.applyEdit(edit), true, 'the edit was not applied');
      assert.equal(editor.document.isDirty, true);
      await writeMarker(MARKERS.edited, { ok: true });
      await awaitMarker(MARKERS.editSeen, HARNESS_TIMEOUT_MS);
    });

    it('exports public HTML and returns the written path', async () => {
      const path = await exportWith('scorecard.exportPublic', config());
      const html = await readFile(path, 'utf8');
      assert.match(html, /^<!doctype html>/i);
      assert.match(html, /<html[^>]*lang="en-GB"/);
    });

    it('exports exempt HTML and returns the written path', async () => {
      const path = await exportWith('scorecard.exportExempt', config());
      assert.match(await readFile(path, 'utf8'), /^<!doctype html>/i);
    });

    it('compares the report with its last export: no figure changed', async () => {
      const editor = await openReport(config());
      const shown = await withTimeout(
        vscode.commands.executeCommand<unknown>(
          'scorecard.compareWithLastExport',
          editor.document.uri,
        ),
        COMMAND_TIMEOUT_MS,
        'scorecard.compareWithLastExport',
      );
      const comparison = shown as { diff: { changes: unknown[] }; html: string } | undefined;
      assert.ok(comparison, 'the comparison showed nothing');
      assert.deepEqual(comparison.diff.changes, []);
      assert.match(comparison.html, /Every figure is printed the same/);
      assert.doesNotMatch(comparison.html, /<script/);
      // Closed again, so the preview is the visible webview for the tests after this one.
      // The tab model follows the new panel a moment later.
      const tabs = await waitFor(
        () => {
          const found = vscode.window.tabGroups.all
            .flatMap((group) => group.tabs)
            .filter(
              (tab) =>
                tab.input instanceof vscode.TabInputWebview &&
                tab.input.viewType.endsWith('scorecard.figureDiff'),
            );
          return found.length > 0 ? found : undefined;
        },
        COMMAND_TIMEOUT_MS,
        'the comparison tab',
      );
      assert.equal(tabs.length, 1, 'one comparison tab');
      await vscode.window.tabGroups.close(tabs);
    });

    // Proves the packaging too: the chart rasteriser (a native module) ships in the .vsix.
    it('exports a public Word file beside the report', async () => {
      const path = await exportWith('scorecard.exportWordPublic', config());
      assert.match(path, /(?<!\.exempt)\.docx$/);
      assert.equal((await readFile(path)).subarray(0, 2).toString('latin1'), 'PK');
    });

    it('exports an exempt Word file beside the report', async () => {
      const path = await exportWith('scorecard.exportWordExempt', config());
      assert.match(path, /\.exempt\.docx$/);
    });
  });
}
