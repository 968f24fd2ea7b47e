import path from 'node:path';
import * as vscode from 'vscode';

/**
 * Watches the data files reports read (absolute paths, possibly outside the workspace)
 * and reports each change once, so the engine's cache is dropped and previews and
 * Problems refresh when an officer updates the figures.
 */
export class DataWatcher implements vscode.Disposable {
  private readonly watchers = new Map<string, vscode.Disposable>();
  private readonly changed = new vscode.EventEmitter<string>();
  readonly onDidChange = this.changed.event;
  private readonly saves: vscode.Disposable;

  constructor() {
    // Edits saved inside VS Code are seen at once, whatever the file watcher does.
    this.saves = vscode.workspace.onDidSaveTextDocument((document) => {
      if (this.watchers.has(document.uri.fsPath)) this.changed.fire(document.uri.fsPath);
    });
  }

  watch(files: readonly string[]): void {
    for (const file of files) {
      if (this.watchers.has(file)) continue;
      const pattern = new vscode.RelativePattern(
        vscode.Uri.file(path.dirname(file)),
        path.basename(file),
      );
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      const fire = () => this.changed.fire(file);
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

  isWatched(file: string): boolean {
    return this.watchers.has(file);
  }

  dispose(): void {
    for (const watcher of this.watchers.values()) watcher.dispose();
    this.watchers.clear();
    this.saves.dispose();
    this.changed.dispose();
  }
}
