import path from 'node:path';
import * as vscode from 'vscode';
import { DOCUMENT_CSS, type RenderResult, type Message } from '../engine/index.js';
import type { DataWatcher } from './data-watcher.js';
import { PageSync, type PageContent, type PageUpdate } from './logic/page-sync.js';
import { createNonce, previewShell } from './logic/preview-shell.js';
import { isFromPreview, type ToPreview } from './logic/preview-protocol.js';
import { AdaptiveDelay, Debouncer, LatestOnly } from './logic/render-scheduler.js';
import type { Services } from './services.js';
import { readSettings } from './settings.js';

/** What a preview shows now; returned to tests through the extension's API. */
export interface PreviewState {
  readonly version: number;
  readonly body: string;
  readonly banner: string;
}

/**
 * What one render of an open preview found, for the Problems panel: the preview's render
 * is the check (no second pass over the report per keystroke). `messages` is undefined
 * when the render failed, and the Problems panel must check the report itself.
 */
export interface PreviewReport {
  readonly document: vscode.TextDocument;
  readonly messages: readonly Message[] | undefined;
}

/** A scroll we caused ourselves must not bounce back from the other side. */
const ECHO_GUARD_MS = 400;

function bannerFor(messages: readonly Message[], reportDir: string, heading: string): string {
  const errors = messages.filter((m) => m.severity === 'error');
  const lines = errors
    .slice(0, 8)
    .map(
      (m) =>
        `${path.relative(reportDir, m.file) || m.file}:${m.line}:${m.column} ${m.reason} (${m.ruleId})`,
    );
  const more = errors.length > 8 ? [`and ${errors.length - 8} more: see the Problems panel`] : [];
  return [heading, ...lines, ...more].join('\n');
}

/** One webview beside one report: renders with the export's engine, patched in place. */
class PreviewPanel implements vscode.Disposable {
  private lastGood: RenderResult | undefined;
  private shownCss: string | undefined;
  private state: PreviewState | undefined;
  private readonly page = new PageSync();
  private running: AbortController | undefined;
  private revealedAt = 0;
  private scrolledAt = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly document: vscode.TextDocument,
    readonly panel: vscode.WebviewPanel,
    private readonly services: Services,
    private readonly watcher: DataWatcher,
    private readonly latest: LatestOnly,
    private readonly rendered: vscode.EventEmitter<vscode.Uri>,
    private readonly reported: vscode.EventEmitter<PreviewReport>,
    private readonly timing: AdaptiveDelay,
    private readonly script: string,
  ) {
    // The engine's CSS from the start: a second page would be written only if it changed.
    this.setShell(DOCUMENT_CSS);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
    );
  }

  get key(): string {
    return this.document.uri.toString();
  }

  current(): PreviewState | undefined {
    return this.state;
  }

  /** A newer edit arrived: the render under way can only produce a stale result. */
  cancel(): void {
    this.running?.abort();
    this.running = undefined;
  }

  async render(): Promise<void> {
    this.cancel();
    const controller = new AbortController();
    this.running = controller;
    const ticket = this.latest.begin(this.key);
    const version = this.document.version;
    const reportDir = path.dirname(this.document.uri.fsPath);
    const started = performance.now();
    // Dropped whatever the engine does with the signal: a newer render or edit came.
    const stale = (): boolean =>
      controller.signal.aborted || !this.latest.isCurrent(this.key, ticket);
    let result: RenderResult;
    try {
      const { engine } = await this.services.get();
      result = await engine.render(this.document.getText(), {
        path: this.document.uri.fsPath,
        mode: 'preview',
        signal: controller.signal,
      });
    } catch (error) {
      if (stale()) return;
      const reason = error instanceof Error ? error.message : String(error);
      this.fail(
        version,
        `The preview could not be updated; showing the last good render.\n${reason}`,
      );
      this.reported.fire({ document: this.document, messages: undefined });
      return;
    } finally {
      if (this.running === controller) this.running = undefined;
    }
    if (stale()) return;
    this.timing.record(this.key, performance.now() - started);
    this.watcher.watch(result.dataFiles);
    this.reported.fire({ document: this.document, messages: result.messages });
    if (result.body.trim() === '') {
      // Never go blank: an empty body on a refused render keeps what the reader had.
      this.fail(
        version,
        bannerFor(
          result.messages,
          reportDir,
          'The preview could not be updated; showing the last good render.',
        ),
      );
      return;
    }
    const banner = result.refused
      ? bannerFor(
          result.messages,
          reportDir,
          'This report has errors and would not export. Problems are marked in place:',
        )
      : '';
    this.lastGood = result;
    this.state = { version, body: result.body, banner };
    this.panel.title = `Preview ${path.basename(this.document.uri.fsPath)}`;
    // A page written anew asks for the blocks once its script is ready.
    if (this.shownCss !== result.css) this.setShell(result.css);
    else this.send(this.page.rendered({ blocks: result.blocks, banner }));
    this.rendered.fire(this.document.uri);
  }

  /** Follows the editor: called when its visible ranges change. */
  scrollTo(line: number): void {
    if (Date.now() - this.revealedAt < ECHO_GUARD_MS) return;
    this.scrolledAt = Date.now();
    void this.post({ type: 'scroll', line });
  }

  private fail(version: number, banner: string): void {
    this.state = { version, body: this.lastGood?.body ?? '', banner };
    void this.post({ type: 'failed', banner });
    this.rendered.fire(this.document.uri);
  }

  /** What the page must show, once a render has succeeded. */
  private content(): PageContent | undefined {
    return this.lastGood && this.state
      ? { blocks: this.lastGood.blocks, banner: this.state.banner }
      : undefined;
  }

  private send(update: PageUpdate | undefined): void {
    if (!update) return;
    const { seq } = update.message;
    void this.post(update.message).then(
      (delivered) => {
        // A hidden page gets nothing; the next send must then be whole.
        if (!delivered) this.page.undelivered(seq);
      },
      () => undefined,
    );
    // A page given its first content (new, or shown again) starts where the editor is.
    const shown = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
    const line = shown?.visibleRanges[0]?.start.line;
    if (update.fills && line !== undefined && line > 0) {
      this.scrolledAt = Date.now();
      void this.post({ type: 'scroll', line });
    }
  }

  /** Writes the page's HTML: once per panel (see logic/page-sync.ts for why). */
  private setShell(css: string): void {
    const webview = this.panel.webview;
    this.page.loading();
    this.shownCss = css;
    webview.html = previewShell({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      script: this.script,
      title: path.basename(this.document.uri.fsPath),
      css,
      body: '<p>Rendering…</p>',
    });
  }

  private receive(message: unknown): void {
    if (!isFromPreview(message)) return;
    if (message.type === 'resync') {
      this.send(this.page.resync(this.content()));
      return;
    }
    if (message.type === 'ready') {
      const update = this.page.pageReady(this.content());
      // With no good render yet, the page still shows why the first one failed.
      if (update) this.send(update);
      else if (this.state?.banner) void this.post({ type: 'failed', banner: this.state.banner });
      return;
    }
    if (Date.now() - this.scrolledAt < ECHO_GUARD_MS) return;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
    if (!editor) return;
    this.revealedAt = Date.now();
    const line = Math.max(0, Math.min(this.document.lineCount - 1, Math.floor(message.line)));
    editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
  }

  private post(message: ToPreview): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  dispose(): void {
    this.cancel();
    this.latest.forget(this.key);
    this.timing.forget(this.key);
    for (const d of this.disposables) d.dispose();
  }
}

/** Opens, updates and closes the previews; one per report. */
export class PreviewManager implements vscode.Disposable {
  private readonly panels = new Map<string, PreviewPanel>();
  private readonly latest = new LatestOnly();
  private readonly timing = new AdaptiveDelay(() => readSettings().previewDebounceMs);
  private readonly debouncer = new Debouncer((key) => this.timing.delayFor(key));
  private readonly rendered = new vscode.EventEmitter<vscode.Uri>();
  private readonly reported = new vscode.EventEmitter<PreviewReport>();
  private script: Promise<string> | undefined;
  /** Fires after each render reached a preview (tests wait on it). */
  readonly onDidRender = this.rendered.event;
  /** Fires with each render's messages: while a preview is open, they are the Problems. */
  readonly onDidReport = this.reported.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly services: Services,
    private readonly watcher: DataWatcher,
  ) {}

  async openToSide(document: vscode.TextDocument): Promise<void> {
    const existing = this.panels.get(document.uri.toString());
    if (existing) {
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      return;
    }
    const script = await this.pageScript();
    if (this.panels.has(document.uri.toString())) return this.openToSide(document);
    const panel = vscode.window.createWebviewPanel(
      'scorecard.preview',
      `Preview ${path.basename(document.uri.fsPath)}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        enableFindWidget: true,
        // The page loads nothing: its script and styles are written into it, and report
        // folders stay out of reach.
        localResourceRoots: [],
      },
    );
    const preview = new PreviewPanel(
      document,
      panel,
      this.services,
      this.watcher,
      this.latest,
      this.rendered,
      this.reported,
      this.timing,
      script,
    );
    this.panels.set(preview.key, preview);
    panel.onDidDispose(() => {
      this.debouncer.cancel(preview.key);
      this.panels.delete(preview.key);
      preview.dispose();
    });
    await preview.render();
  }

  /** The preview page's script (see PreviewShellInput.script), read once. */
  private pageScript(): Promise<string> {
    this.script ??= Promise.resolve(
      vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview.js')),
    ).then((bytes) => new TextDecoder().decode(bytes));
    // A failed read is tried again by the next preview, not remembered.
    this.script.catch(() => (this.script = undefined));
    return this.script;
  }

  /** The document changed (typing, undo): render after the pause. */
  schedule(document: vscode.TextDocument): void {
    const preview = this.panels.get(document.uri.toString());
    if (!preview) return;
    preview.cancel();
    this.debouncer.schedule(preview.key, () => void preview.render());
  }

  /** Whether a preview shows `document` (its renders then feed the Problems panel). */
  isOpen(document: vscode.TextDocument): boolean {
    return this.panels.has(document.uri.toString());
  }

  /** Settings or data changed: a render under way read the old ones. */
  rerenderAll(): void {
    for (const preview of this.panels.values()) {
      preview.cancel();
      this.debouncer.schedule(preview.key, () => void preview.render());
    }
  }

  editorScrolled(editor: vscode.TextEditor): void {
    const preview = this.panels.get(editor.document.uri.toString());
    const line = editor.visibleRanges[0]?.start.line;
    if (preview && line !== undefined) preview.scrollTo(line);
  }

  state(uri: vscode.Uri): PreviewState | undefined {
    return this.panels.get(uri.toString())?.current();
  }

  closeFor(document: vscode.TextDocument): void {
    this.panels.get(document.uri.toString())?.panel.dispose();
  }

  dispose(): void {
    this.debouncer.dispose();
    for (const preview of [...this.panels.values()]) preview.panel.dispose();
    this.rendered.dispose();
    this.reported.dispose();
  }
}
