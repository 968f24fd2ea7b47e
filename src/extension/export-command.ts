import path from 'node:path';
import * as vscode from 'vscode';
import { type Message, formatMessageLine, sortMessages } from '../engine/index.js';
import {
  exportPath,
  overwriteDecision,
  refusalKind,
  writeAtomically,
  type ExportFormat,
  type ExportMode,
} from './logic/export-files.js';
import type { Services } from './services.js';

export interface ExportOptions {
  /** Publish despite small numbers without asking (they are still suppressed and marked). */
  readonly allowSmallNumbers?: boolean;
  /** Replace a file we did not write without asking. */
  readonly overwrite?: boolean;
}

/**
 * Exports the report as one self-contained HTML file beside it (or, for `docx`, the Word
 * file made from that same HTML) and returns the path written (undefined when refused or
 * cancelled), so tests can drive the command.
 */
export async function exportReport(
  services: Services,
  log: vscode.OutputChannel,
  document: vscode.TextDocument,
  mode: ExportMode,
  options: ExportOptions = {},
  format: ExportFormat = 'html',
): Promise<string | undefined> {
  const report = document.uri.fsPath;
  const reportDir = path.dirname(report);
  const { engine, text: loaded } = await services.get();
  const text = document.getText();
  let result = await engine.render(text, { path: report, mode });
  let refusal = refusalKind(result);
  if (refusal === 'small-numbers') {
    let allow = options.allowSmallNumbers === true;
    if (!allow) {
      const choice = await vscode.window.showWarningMessage(
        'The public export would publish small numbers (1 to 5). They will be suppressed as c and marked; export anyway?',
        { modal: true },
        'Export anyway',
      );
      allow = choice === 'Export anyway';
    }
    if (!allow) return undefined;
    result = await engine.render(text, { path: report, mode, allowSmallNumbers: true });
    refusal = refusalKind(result);
  }
  logMessages(log, result.messages, reportDir, `Export (${mode}) of ${path.basename(report)}`);
  if (refusal !== 'none') {
    const errors = result.messages.filter((m) => m.severity === 'error');
    // The first error says what stopped it (the public gate's findings say what and where).
    const first = errors[0];
    const firstText = first
      ? ` First: ${path.basename(first.file)}:${first.line}: ${first.reason} (${first.ruleId}).`
      : '';
    void vscode.window.showErrorMessage(
      `Not exported: the report has ${errors.length} error${errors.length === 1 ? '' : 's'}.${firstText} See the Problems panel and the "Scorecard Markdown" output.`,
    );
    return undefined;
  }
  const target = exportPath(report, mode, format);
  const isOurWordFile = (bytes: Uint8Array) => loaded.readDocxGenerator(bytes) !== undefined;
  if (!options.overwrite && (await overwriteDecision(target, isOurWordFile)) === 'ask') {
    const choice = await vscode.window.showWarningMessage(
      `${path.basename(target)} exists and was not written by Scorecard Markdown. Replace it?`,
      { modal: true },
      'Replace',
    );
    if (choice !== 'Replace') return undefined;
  }
  // The Word file is made from the HTML just checked: the same figures, the same suppression.
  await writeAtomically(
    target,
    format === 'docx' ? await loaded.renderDocx(result.html) : result.html,
  );
  const warnings = result.messages.filter((m) => m.severity === 'warning').length;
  const note = warnings > 0 ? ` with ${warnings} warning${warnings === 1 ? '' : 's'}` : '';
  void vscode.window
    .showInformationMessage(`Exported ${path.basename(target)}${note}.`, 'Open')
    .then((choice) => {
      if (choice === 'Open') void vscode.env.openExternal(vscode.Uri.file(target));
    });
  return target;
}

/** The compiler-style lines the CLI prints, in the output channel. */
export function logMessages(
  log: vscode.OutputChannel,
  messages: readonly Message[],
  reportDir: string,
  heading: string,
): void {
  log.appendLine(`${heading}: ${messages.length} message${messages.length === 1 ? '' : 's'}`);
  for (const message of sortMessages(messages)) {
    log.appendLine(
      `  ${formatMessageLine(message, path.relative(reportDir, message.file) || message.file)}`,
    );
  }
}
