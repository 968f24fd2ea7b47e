import path from 'node:path';
import * as vscode from 'vscode';
import { directiveAt } from './logic/directive-at.js';
import { directiveSpec } from './logic/directive-specs.js';
import { isReportCandidate, type Services } from './services.js';

/**
 * Hover on a directive or an id: what the report will print and where each figure came
 * from. Go to definition: the indicator's entry in its data file.
 */
export class ScorecardHover implements vscode.HoverProvider, vscode.DefinitionProvider {
  constructor(private readonly services: Services) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.Hover | undefined> {
    if (!isReportCandidate(document)) return undefined;
    const line = document.lineAt(position.line).text;
    const hit = directiveAt(line, position.character);
    if (!hit) return undefined;
    const spec = directiveSpec(hit.name);
    const range = new vscode.Range(
      position.line,
      hit.idStart ?? hit.start,
      position.line,
      hit.idEnd ?? hit.end,
    );
    if (!hit.id) {
      return spec
        ? new vscode.Hover(new vscode.MarkdownString(`**${spec.name}**: ${spec.summary}`), range)
        : undefined;
    }
    const [{ text }, result] = await Promise.all([
      this.services.get(),
      this.services.catalogue(document),
    ]);
    const indicator = text.findIndicator(result.catalogue, hit.id);
    if (!indicator) {
      return new vscode.Hover(
        new vscode.MarkdownString(`Unknown indicator \`${text.escapeMarkdown(hit.id)}\``),
        range,
      );
    }
    const period = hit.attributes.get('period') || result.period;
    const markdown = text.hoverMarkdown(indicator, {
      ...(period ? { period } : {}),
      compare: hit.attributes.get('compare') === 'year' ? 'year' : 'previous',
      comparators: result.catalogue.comparators,
      reportDir: path.dirname(document.uri.fsPath),
    });
    // Data files are untrusted: no command links, no HTML.
    const content = new vscode.MarkdownString(markdown);
    content.isTrusted = false;
    content.supportHtml = false;
    return new vscode.Hover(content, range);
  }

  async provideDefinition(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.Location | undefined> {
    if (!isReportCandidate(document)) return undefined;
    const hit = directiveAt(document.lineAt(position.line).text, position.character);
    if (!hit?.id) return undefined;
    const [{ text }, result] = await Promise.all([
      this.services.get(),
      this.services.catalogue(document),
    ]);
    const indicator = text.findIndicator(result.catalogue, hit.id);
    if (!indicator) return undefined;
    const { file, line, column } = indicator.source;
    return new vscode.Location(
      vscode.Uri.file(file),
      new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1)),
    );
  }
}
