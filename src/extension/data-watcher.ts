import { stat } from 'node:fs/promises';
import path from 'node:path';
import * as vscode from 'vscode';

/** A file's size and modification time, or 'missing': what tells one write from another. */
async function signature(file: string): Promise<string> {
  try {
    const info = await stat(file);
    return `${info.size}:${info.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/**
 * Watches the data files reports read (absolute paths, possibly outside the workspace)
 * and reports each change once (a save inside VS Code and the file watcher both see one
 * write: the file's size and time tell them apart from a second write), so the engine's cache is dropped and previews and
 * Problems refresh when an officer updates the figures.
 */
export class DataWatcher implements vscode.Disposable {
  private readonly watchers = new Map<string, vscode.Disposable>();
  /** Each watched file's signature as last reported (or first seen). */
  private readonly seen = new Map<string, Promise<string>>();
  private readonly changed = new vscode.EventEmitter<string>();
  readonly onDidChange = this.changed.event;
  private readonly saves: vscode.Disposable;

  constructor() {
    // Edits saved inside VS Code are seen at once, whatever the file watcher does.
    this.saves = vscode.workspace.onDidSaveTextDocument((document) => {
      if (this.watchers.has(document.uri.fsPath)) this.report(document.uri.fsPath);
    });
  }

  watch(files: readonly string[]): void {
    for (const file of files) {
      if (this.watchers.has(file)) continue;
      this.seen.set(file, signature(file));
      const pattern = new vscode.RelativePattern(
        vscode.Uri.file(path.dirname(file)),
        path.basename(file),
      );
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      const fire = () => this.report(file);
      this.watchers.set(
        file,
        vscode.Disposable.from(
          watcher,
          watcher.onDidChange(fire),
          watcher.onDidCreate(fire),
          watcher.onDidDelete(fire),
        ),
      );
    }
  }

  /** Fires for `file` unless its signature is the one already reported. */
  private report(file: string): void {
    const before = this.seen.get(file) ?? Promise.resolve('');
    const now = signature(file);
    this.seen.set(file, now);
    void Promise.all([before, now]).then(([a, b]) => {
      if (a !== b && this.watchers.has(file)) this.changed.fire(file);
    });
  }

  isWatched(file: string): boolean {
    return this.watchers.has(file);
  }

  dispose(): void {
    for (const watcher of this.watchers.values()) watcher.dispose();
    this.watchers.clear();
    this.seen.clear();
    this.saves.dispose();
    this.changed.dispose();
  }
}
