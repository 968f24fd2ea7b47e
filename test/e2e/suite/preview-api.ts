// The extension's test API (what activate() returns) and bounded waits on it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ScorecardApi } from '../../../src/extension/extension.js';
import type { PreviewState } from '../../../src/extension/preview-panel.js';
import { waitFor, withTimeout } from '../wait.js';
import { EXTENSION_ID } from './extension-tests.js';

export const COMMAND_TIMEOUT_MS = 30_000;
export const RENDER_TIMEOUT_MS = 60_000;

export async function scorecardApi(): Promise<ScorecardApi> {
  const extension = vscode.extensions.getExtension<ScorecardApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  const api = await extension.activate();
  assert.equal(typeof api?.previewState, 'function', 'activate() returned no previewState');
  return api;
}

/** Opens (or reveals) the preview beside `document`'s editor. */
export async function openPreview(document: vscode.TextDocument): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
  await withTimeout(
    vscode.commands.executeCommand('scorecard.openPreviewToSide', document.uri),
    COMMAND_TIMEOUT_MS,
    'scorecard.openPreviewToSide',
  );
  return editor;
}

/** Waits for a preview state that satisfies `ready`; fails with the last state seen. */
export async function waitForPreview(
  api: ScorecardApi,
  uri: vscode.Uri,
  ready: (state: PreviewState) => boolean,
  what: string,
  timeoutMs = RENDER_TIMEOUT_MS,
): Promise<PreviewState> {
  let last: PreviewState | undefined;
  try {
    return await waitFor(
      () => {
        last = api.previewState(uri);
        return last && ready(last) ? last : undefined;
      },
      timeoutMs,
      what,
    );
  } catch (error) {
    const seen = last
      ? `version ${last.version}, banner ${JSON.stringify(last.banner.slice(0, 300))}, body ${last.body.length} chars`
      : 'no preview state';
    throw new Error(`${error instanceof Error ? error.message : String(error)} (last: ${seen})`, {
      cause: error,
    });
  }
}

/** Waits for the preview to have rendered (or failed to render) the document as it is now. */
export function waitForRenderOf(
  api: ScorecardApi,
  document: vscode.TextDocument,
  timeoutMs = RENDER_TIMEOUT_MS,
): Promise<PreviewState> {
  const version = document.version;
  return waitForPreview(
    api,
    document.uri,
    (state) => state.version >= version,
    `the preview to render version ${version} of ${document.fileName}`,
    timeoutMs,
  );
}

/** Replaces the whole (unsaved) text of a document. */
export async function replaceText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  const all = new vscode.Range(
    new vscode.Position(0, 0),
    document.lineAt(document.lineCount - 1).range.end,
  );
  edit.replace(document.uri, all, text);
  assert.equal(
    await withTimeout(vscode.workspace.applyEdit(edit), COMMAND_TIMEOUT_MS, 'applyEdit'),
    true,
    `the edit of ${document.fileName} was not applied`,
  );
}
