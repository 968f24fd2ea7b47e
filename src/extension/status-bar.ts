import * as vscode from 'vscode';
import type { Diagnostics } from './diagnostics.js';

/** "Scorecard: N problems" while a report is the active editor; click to check it. */
export class ProblemsStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'scorecard.problems',
    vscode.StatusBarAlignment.Left,
    100,
  );

  constructor(private readonly diagnostics: Diagnostics) {
    this.item.name = 'Scorecard problems';
    this.item.command = 'scorecard.checkReport';
  }

  refresh(): void {
    const document = vscode.window.activeTextEditor?.document;
    const count = document ? this.diagnostics.count(document) : undefined;
    if (count === undefined) {
      this.item.hide();
      return;
    }
    this.item.text = `$(graph) Scorecard: ${count} problem${count === 1 ? '' : 's'}`;
    this.item.tooltip = 'Check the report and open the Problems panel';
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
