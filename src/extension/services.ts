import type * as vscode from 'vscode';
import type { CatalogueResult, Engine } from '../engine/index.js';
import { allowedRoots, hostOptions, readSettings } from './settings.js';

import type * as EngineServicesModule from './engine-services.js';

/** The lazily loaded module's shape; a type-only import loads nothing. */
export type EngineServices = typeof EngineServicesModule;

export interface Loaded {
  readonly engine: Engine;
  readonly text: EngineServices;
}

/**
 * Loads the engine on first need, so activation registers providers only. The engine is
 * made again when the settings that bound its file access change.
 */
export class Services implements vscode.Disposable {
  private loading: Promise<Loaded> | undefined;
  private readonly catalogues = new Map<
    string,
    { version: number; result: Promise<CatalogueResult> }
  >();

  constructor(private readonly log: vscode.OutputChannel) {}

  get(): Promise<Loaded> {
    if (!this.loading) {
      const started = performance.now();
      this.loading = import('./engine-services.js').then((text) => {
        const settings = readSettings();
        const engine = text.createEngine({
          allowedRoots: allowedRoots(settings),
          host: text.createNodeHost(hostOptions(settings)),
        });
        this.log.appendLine(`Engine loaded in ${Math.round(performance.now() - started)} ms`);
        return { engine, text };
      });
      // A failed load must not stay cached: the next request tries again.
      this.loading.catch((error: unknown) => {
        this.log.appendLine(`Engine failed to load: ${String(error)}`);
        this.loading = undefined;
      });
    }
    return this.loading;
  }

  /** Settings changed: the next request makes a new engine with the new allowed roots. */
  reset(): void {
    this.loading = undefined;
    this.catalogues.clear();
  }

  /** A data file changed on disk: drop cached data and catalogues. */
  async invalidate(file: string): Promise<void> {
    this.catalogues.clear();
    if (this.loading) (await this.loading).engine.invalidate(file);
  }

  /** The catalogue a report uses, cached per document version for completion and hover. */
  async catalogue(document: vscode.TextDocument): Promise<CatalogueResult> {
    const key = document.uri.toString();
    const cached = this.catalogues.get(key);
    if (cached && cached.version === document.version) return cached.result;
    const result = this.get().then(({ engine }) =>
      engine.catalogue(document.getText(), { path: document.uri.fsPath, mode: 'preview' }),
    );
    this.catalogues.set(key, { version: document.version, result });
    result.catch(() => this.catalogues.delete(key));
    return result;
  }

  forget(document: vscode.TextDocument): void {
    this.catalogues.delete(document.uri.toString());
  }

  dispose(): void {
    this.catalogues.clear();
  }
}

/** Reports live in files; untitled buffers have no folder to resolve data paths from. */
export function isReportCandidate(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' && document.uri.scheme === 'file';
}
