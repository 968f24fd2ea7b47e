import * as vscode from 'vscode';
import type { Message, Severity } from '../engine/index.js';
import type { DataWatcher } from './data-watcher.js';
import { DiagnosticStore, messageRange } from './logic/diagnostic-store.js';
import { Debouncer, LatestOnly } from './logic/render-scheduler.js';
import { looksLikeReport } from './logic/report-detection.js';
import { isReportCandidate, type Services } from './services.js';
import { readSettings } from './settings.js';

const SEVERITY: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/**
 * Runs the engine's check as the author types and shows every message in the Problems
 * panel, on the report and on the data files it reads, with the rule id as the code.
 */
export class Diagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('scorecard');
  private readonly store = new DiagnosticStore();
  private readonly debouncer = new Debouncer(() => readSettings().previewDebounceMs);
  private readonly latest = new LatestOnly();
  /** Messages shown per file (fsPath), for quick fixes to find their suggestions. */
  private readonly shown = new Map<string, readonly Message[]>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly services: Services,
    private readonly watcher: DataWatcher,
  ) {}

  /** Schedules a check after the typing pause; reports only. */
  schedule(document: vscode.TextDocument): void {
    if (!isReportCandidate(document)) return;
    if (!looksLikeReport(document.getText())) {
      if (this.store.reports().includes(document.uri.fsPath)) this.remove(document);
      return;
    }
    // A failed check (engine not loadable) must not become an unhandled rejection.
    this.debouncer.schedule(
      document.uri.toString(),
      () => void this.check(document).catch(() => undefined),
    );
  }

  /** Checks now and returns the messages (the Check Report command and tests use this). */
  async check(document: vscode.TextDocument): Promise<readonly Message[]> {
    const key = document.uri.toString();
    this.debouncer.cancel(key);
    const ticket = this.latest.begin(key);
    const { engine } = await this.services.get();
    const messages = await engine.check(document.getText(), {
      path: document.uri.fsPath,
      mode: 'preview',
    });
    if (this.latest.isCurrent(key, ticket) && !document.isClosed) {
      this.apply(this.store.update(document.uri.fsPath, messages));
      // Watch what the report reads, so its Problems follow changes to the data.
      this.services.catalogue(document).then(
        ({ catalogue }) => this.watcher.watch(catalogue.files),
        () => undefined,
      );
    }
    return messages;
  }

  /**
   * Shows messages an open preview's render found (the same rules as `check`), so an edit
   * is prepared and resolved once for both. Any check under way for the document is stale.
   */
  publish(document: vscode.TextDocument, messages: readonly Message[]): void {
    if (!isReportCandidate(document) || document.isClosed) return;
    if (!looksLikeReport(document.getText())) {
      if (this.store.reports().includes(document.uri.fsPath)) this.remove(document);
      return;
    }
    const key = document.uri.toString();
    this.debouncer.cancel(key);
    this.latest.begin(key);
    this.apply(this.store.update(document.uri.fsPath, messages));
  }

  remove(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.debouncer.cancel(key);
    this.latest.forget(key);
    this.apply(this.store.remove(document.uri.fsPath));
  }

  /**
   * Re-checks every report that is open, e.g. after a data file changed, except those
   * `skip` names (reports whose preview re-renders and publishes anyway).
   */
  recheckAll(skip: (document: vscode.TextDocument) => boolean = () => false): void {
    for (const document of vscode.workspace.textDocuments) {
      if (this.store.reports().includes(document.uri.fsPath) && !skip(document))
        this.schedule(document);
    }
  }

  count(document: vscode.TextDocument): number | undefined {
    const report = document.uri.fsPath;
    return this.store.reports().includes(report) ? this.store.count(report) : undefined;
  }

  messagesFor(uri: vscode.Uri): readonly Message[] {
    return this.shown.get(uri.fsPath) ?? [];
  }

  private apply(changed: Map<string, Message[]>): void {
    for (const [file, messages] of changed) {
      const uri = vscode.Uri.file(file);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file);
      const diagnostics = messages.map((message) => {
        const lineText =
          open && message.line - 1 < open.lineCount
            ? open.lineAt(Math.max(0, message.line - 1)).text
            : undefined;
        const r = messageRange(message, lineText);
        const diagnostic = new vscode.Diagnostic(
          new vscode.Range(r.startLine, r.startCharacter, r.endLine, r.endCharacter),
          message.reason,
          SEVERITY[message.severity],
        );
        diagnostic.code = message.ruleId;
        diagnostic.source = 'scorecard';
        return diagnostic;
      });
      this.collection.set(uri, diagnostics);
      if (messages.length > 0) this.shown.set(file, messages);
      else this.shown.delete(file);
    }
    this.changed.fire();
  }

  dispose(): void {
    this.debouncer.dispose();
    this.collection.dispose();
    this.changed.dispose();
  }
}
