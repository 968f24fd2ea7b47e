/**
 * The composition root: registers commands, providers and listeners, nothing more. The
 * engine loads on first need (services.ts), so opening a Markdown file stays cheap.
 */
import * as vscode from 'vscode';
import type { Message } from '../engine/index.js';
import { SuggestionActions } from './code-actions.js';
import { ScorecardCompletions, TRIGGER_CHARACTERS } from './completion-provider.js';
import { DataWatcher } from './data-watcher.js';
import { Diagnostics } from './diagnostics.js';
import { exportReport, logMessages, type ExportOptions } from './export-command.js';
import { FigureComparisons, type Comparison } from './compare-command.js';
import { ScorecardHover } from './hover-provider.js';
import type { ExportFormat, ExportMode } from './logic/export-files.js';
import { PreviewManager, type PreviewState } from './preview-panel.js';
import { Services } from './services.js';
import { ProblemsStatus } from './status-bar.js';

const loadedAt = performance.now();

/** Command ids; the end-to-end tests drive these, so they never change. */
export const COMMANDS = {
  openPreviewToSide: 'scorecard.openPreviewToSide',
  exportPublic: 'scorecard.exportPublic',
  exportExempt: 'scorecard.exportExempt',
  exportWordPublic: 'scorecard.exportWordPublic',
  exportWordExempt: 'scorecard.exportWordExempt',
  compareWithLastExport: 'scorecard.compareWithLastExport',
  compareWithGitRevision: 'scorecard.compareWithGitRevision',
  checkReport: 'scorecard.checkReport',
} as const;

/** What `vscode.extensions.getExtension(...).exports` gives tests. */
export interface ScorecardApi {
  readonly activationMs: number;
  previewState(uri: vscode.Uri): PreviewState | undefined;
  readonly onDidRenderPreview: vscode.Event<vscode.Uri>;
}

const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown', scheme: 'file' }];

export function activate(context: vscode.ExtensionContext): ScorecardApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Scorecard Markdown');
  const services = new Services(log);
  const watcher = new DataWatcher();
  const diagnostics = new Diagnostics(services, watcher);
  const previews = new PreviewManager(context.extensionUri, services, watcher);
  const status = new ProblemsStatus(diagnostics);
  const hover = new ScorecardHover(services);
  context.subscriptions.push(log, services, watcher, diagnostics, previews, status);

  async function reportDocument(uri: unknown): Promise<vscode.TextDocument | undefined> {
    if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
    const document = vscode.window.activeTextEditor?.document;
    if (document?.languageId === 'markdown' && document.uri.scheme === 'file') return document;
    void vscode.window.showErrorMessage('Open a Scorecard report (a saved Markdown file) first.');
    return undefined;
  }

  async function exportCommand(
    mode: ExportMode,
    uri: unknown,
    options: unknown,
    format: ExportFormat = 'html',
  ): Promise<string | undefined> {
    const document = await reportDocument(uri);
    if (!document) return undefined;
    const opts: ExportOptions =
      typeof options === 'object' && options !== null ? (options as ExportOptions) : {};
    try {
      return await exportReport(services, log, document, mode, opts, format);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log.appendLine(`Export failed: ${reason}`);
      void vscode.window.showErrorMessage(`Export failed: ${reason}`);
      return undefined;
    }
  }

  const comparisons = new FigureComparisons(services, log);
  /** Runs a comparison on the report; returns what it showed (tests drive this). */
  async function compareCommand(
    uri: unknown,
    compare: (document: vscode.TextDocument) => Promise<Comparison | undefined>,
  ): Promise<Comparison | undefined> {
    const document = await reportDocument(uri);
    if (!document) return undefined;
    try {
      return await compare(document);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log.appendLine(`Comparison failed: ${reason}`);
      void vscode.window.showErrorMessage(`Comparison failed: ${reason}`);
      return undefined;
    }
  }

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.openPreviewToSide, async (uri: unknown) => {
      const document = await reportDocument(uri);
      if (document) await previews.openToSide(document);
    }),
    vscode.commands.registerCommand(COMMANDS.exportPublic, (uri: unknown, options: unknown) =>
      exportCommand('public', uri, options),
    ),
    vscode.commands.registerCommand(COMMANDS.exportExempt, (uri: unknown, options: unknown) =>
      exportCommand('exempt', uri, options),
    ),
    vscode.commands.registerCommand(COMMANDS.exportWordPublic, (uri: unknown, options: unknown) =>
      exportCommand('public', uri, options, 'docx'),
    ),
    vscode.commands.registerCommand(COMMANDS.exportWordExempt, (uri: unknown, options: unknown) =>
      exportCommand('exempt', uri, options, 'docx'),
    ),
    vscode.commands.registerCommand(COMMANDS.compareWithLastExport, (uri: unknown) =>
      compareCommand(uri, (document) => comparisons.withLastExport(document)),
    ),
    vscode.commands.registerCommand(
      COMMANDS.compareWithGitRevision,
      (uri: unknown, revision: unknown) =>
        compareCommand(uri, (document) =>
          comparisons.withRevision(document, typeof revision === 'string' ? revision : undefined),
        ),
    ),
    vscode.commands.registerCommand(
      COMMANDS.checkReport,
      async (uri: unknown): Promise<readonly Message[]> => {
        const document = await reportDocument(uri);
        if (!document) return [];
        const messages = await diagnostics.check(document);
        logMessages(
          log,
          messages,
          vscode.Uri.joinPath(document.uri, '..').fsPath,
          `Check of ${document.uri.fsPath}`,
        );
        if (uri === undefined)
          await vscode.commands.executeCommand('workbench.actions.view.problems');
        return messages;
      },
    ),
    vscode.languages.registerCompletionItemProvider(
      MARKDOWN,
      new ScorecardCompletions(services),
      ...TRIGGER_CHARACTERS,
    ),
    vscode.languages.registerHoverProvider(MARKDOWN, hover),
    vscode.languages.registerDefinitionProvider(MARKDOWN, hover),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new SuggestionActions(diagnostics), {
      providedCodeActionKinds: SuggestionActions.kinds,
    }),
    vscode.workspace.onDidOpenTextDocument((document) => diagnostics.schedule(document)),
    vscode.workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
      if (contentChanges.length === 0) return;
      // With a preview open, its one render per settled edit also gives the Problems.
      if (previews.isOpen(document)) previews.schedule(document);
      else diagnostics.schedule(document);
    }),
    previews.onDidReport(({ document, messages }) => {
      if (messages) diagnostics.publish(document, messages);
      else diagnostics.schedule(document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      diagnostics.remove(document);
      services.forget(document);
      previews.closeFor(document);
    }),
    vscode.window.onDidChangeActiveTextEditor(() => status.refresh()),
    vscode.window.onDidChangeTextEditorVisibleRanges(({ textEditor }) =>
      previews.editorScrolled(textEditor),
    ),
    diagnostics.onDidChange(() => status.refresh()),
    watcher.onDidChange((file) => {
      log.appendLine(`Data file changed: ${file}`);
      void services.invalidate(file).then(() => {
        previews.rerenderAll();
        diagnostics.recheckAll((document) => previews.isOpen(document));
      });
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (
        event.affectsConfiguration('scorecard.allowedDataFolders') ||
        event.affectsConfiguration('scorecard.dfeDataFolder')
      ) {
        services.reset();
        previews.rerenderAll();
        diagnostics.recheckAll((document) => previews.isOpen(document));
      }
    }),
  );

  for (const document of vscode.workspace.textDocuments) diagnostics.schedule(document);
  status.refresh();

  const activationMs = performance.now() - started;
  log.appendLine(
    `Scorecard Markdown activated in ${activationMs.toFixed(1)} ms (${(performance.now() - loadedAt).toFixed(1)} ms including loading the bundle's entry)`,
  );
  return {
    activationMs,
    previewState: (uri) => previews.state(uri),
    onDidRenderPreview: previews.onDidRender,
  };
}

export function deactivate(): void {
  // Everything is in context.subscriptions; VS Code disposes it.
}
