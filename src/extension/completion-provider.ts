import * as vscode from 'vscode';
import { completionContext, type CompletionContext } from './logic/completion-context.js';
import {
  SCORECARD_STATUSES,
  directivesFor,
  directiveSpec,
  findAttribute,
  valueSource,
} from './logic/directive-specs.js';
import { isReportCandidate, type Services } from './services.js';

/** Characters after which completion opens by itself. */
export const TRIGGER_CHARACTERS = [':', '{', '=', ' ', ',', '"'];

/**
 * Directive names after `:`/`::`/`:::`, attribute names inside `{}`, and values after
 * `key=`: ids with title and latest value, periods, comparators and tags from the data.
 */
export class ScorecardCompletions implements vscode.CompletionItemProvider {
  constructor(private readonly services: Services) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.CompletionItem[] | undefined> {
    if (!isReportCandidate(document)) return undefined;
    const context = completionContext(document.lineAt(position.line).text, position.character);
    if (!context) return undefined;
    const range = new vscode.Range(position.line, context.start, position.line, position.character);
    switch (context.type) {
      case 'directive-name':
        return directivesFor(context.kind).map((spec) => {
          const item = new vscode.CompletionItem(spec.name, vscode.CompletionItemKind.Function);
          item.detail = spec.summary;
          item.documentation = new vscode.MarkdownString(
            spec.attributes.map((a) => `- \`${a.name}\`: ${a.description}`).join('\n'),
          );
          item.range = range;
          return item;
        });
      case 'attribute-name':
        return (directiveSpec(context.directive)?.attributes ?? [])
          .filter((a) => !context.present.includes(a.name))
          .map((a) => {
            const item = new vscode.CompletionItem(a.name, vscode.CompletionItemKind.Property);
            item.detail = a.required ? 'required' : 'optional';
            item.documentation = a.description;
            item.insertText = new vscode.SnippetString(`${a.name}=$0`);
            item.range = range;
            // Open the value list straight away.
            item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
            return item;
          });
      case 'attribute-value':
        return this.values(document, context, range);
    }
  }

  private async values(
    document: vscode.TextDocument,
    context: Extract<CompletionContext, { type: 'attribute-value' }>,
    range: vscode.Range,
  ): Promise<vscode.CompletionItem[] | undefined> {
    const attribute = findAttribute(context.directive, context.attribute);
    if (!attribute) return undefined;
    const source = valueSource(attribute);
    if (source === 'enum')
      return (attribute.values ?? []).map((v) =>
        this.plain(v, range, vscode.CompletionItemKind.EnumMember),
      );
    if (source === 'free') return undefined;
    if (source === 'statuses')
      return SCORECARD_STATUSES.map((status) =>
        this.plain(status, range, vscode.CompletionItemKind.EnumMember),
      );
    const [{ text }, { catalogue }] = await Promise.all([
      this.services.get(),
      this.services.catalogue(document),
    ]);
    // Unquoted values cannot hold spaces: quote them when the author has not.
    const quote = (value: string) => (!context.quoted && /\s/.test(value) ? `"${value}"` : value);
    switch (source) {
      case 'indicator':
      case 'indicators':
        return [...catalogue.indicators.values()].flatMap((indicator, index) =>
          [indicator.id, ...indicator.aliases].map((name) => {
            const item = new vscode.CompletionItem(name, vscode.CompletionItemKind.Value);
            const latest = text.latestText(indicator);
            item.detail = `${name === indicator.id ? '' : `alias of ${indicator.id}: `}${indicator.title}${latest ? `: ${latest}` : ''}`;
            item.documentation = new vscode.MarkdownString(
              text.hoverMarkdown(indicator, {
                comparators: catalogue.comparators,
                reportDir: vscode.Uri.joinPath(document.uri, '..').fsPath,
              }),
            );
            item.filterText = `${name} ${indicator.title}`;
            item.sortText = `${String(index).padStart(5, '0')}${name === indicator.id ? 'a' : 'b'}`;
            item.range = range;
            return item;
          }),
        );
      case 'period':
        return text.periodKeys(catalogue).map((key, index) => {
          const item = this.plain(key, range, vscode.CompletionItemKind.Constant, quote(key));
          item.sortText = String(index).padStart(5, '0');
          return item;
        });
      case 'comparator':
      case 'comparators':
        return catalogue.comparators.map((name) =>
          this.plain(
            name,
            range,
            vscode.CompletionItemKind.EnumMember,
            source === 'comparator' ? quote(name) : name,
          ),
        );
      case 'tag':
        return text
          .tagNames(catalogue)
          .map((tag) => this.plain(tag, range, vscode.CompletionItemKind.Keyword, quote(tag)));
      case 'category':
        return text
          .categoryNames(catalogue)
          .map((name) =>
            this.plain(name, range, vscode.CompletionItemKind.EnumMember, quote(name)),
          );
    }
  }

  private plain(
    label: string,
    range: vscode.Range,
    kind: vscode.CompletionItemKind,
    insert: string = label,
  ): vscode.CompletionItem {
    const item = new vscode.CompletionItem(label, kind);
    item.insertText = insert;
    item.range = range;
    return item;
  }
}
