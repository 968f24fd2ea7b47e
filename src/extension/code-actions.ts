import * as vscode from 'vscode';
import type { Diagnostics } from './diagnostics.js';
import { quickFixEdit, quickFixTitle } from './logic/quick-fix.js';

const FIXABLE = new Set(['attribute-syntax', 'unknown-indicator', 'narrative-claim']);

/** Offers the engine's suggested replacements (nearest ids, `{id=...}`) as quick fixes. */
export class SuggestionActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly diagnostics: Diagnostics) {}

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const messages = this.diagnostics.messagesFor(document.uri);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const ruleId = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
      if (diagnostic.source !== 'scorecard' || !ruleId || !FIXABLE.has(ruleId)) continue;
      // Diagnostics reach providers as copies, so match the message by place and rule.
      const message = messages.find(
        (m) =>
          m.ruleId === ruleId &&
          m.line - 1 === diagnostic.range.start.line &&
          m.column - 1 === diagnostic.range.start.character,
      );
      const rangeText = document.getText(diagnostic.range);
      const rangeStart = document.offsetAt(diagnostic.range.start);
      (message?.suggestions ?? []).forEach((suggestion, index) => {
        const edit = quickFixEdit(ruleId, rangeText, diagnostic.message, suggestion);
        if (!edit) return;
        const action = new vscode.CodeAction(
          quickFixTitle(ruleId, suggestion),
          vscode.CodeActionKind.QuickFix,
        );
        action.diagnostics = [diagnostic];
        action.isPreferred = index === 0;
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(
          document.uri,
          new vscode.Range(
            document.positionAt(rangeStart + edit.start),
            document.positionAt(rangeStart + edit.end),
          ),
          edit.text,
        );
        actions.push(action);
      });
    }
    return actions;
  }
}
