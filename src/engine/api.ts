import type { RenderStats } from './charts/render-svg.js';
import type { EngineHost } from './host.js';
import type { FigureRecord } from './figures/figure-record.js';
import type { Catalogue, Message } from './types.js';

/** Which public the output is for. `preview` shows everything, marked up for the author. */
export type RenderMode = 'preview' | 'public' | 'exempt';

/** Where the engine may read files from; reports and data files are untrusted input. */
export interface FileAccessPolicy {
  /**
   * Folders (absolute) that data files may be read from besides the report's own folder
   * tree (the workspace in VS Code, `--allow` folders in the CLI).
   */
  readonly allowedRoots: readonly string[];
}

export interface EngineOptions {
  /**
   * Files, the DfE data folder and the chart worker count: `createNodeHost()` (the real
   * disk, no DfE folder) unless given; `createMemoryHost()` keeps everything in memory.
   */
  readonly host?: EngineHost;
  readonly allowedRoots?: readonly string[];
  /** Small-number threshold unless a data file sets its own (DfE practice: 5). */
  readonly smallNumberThreshold?: number;
  /** Reports larger than this (UTF-8 bytes) are refused with `input-too-large` (10 MB). */
  readonly maxReportBytes?: number;
  /** Data files (YAML, JSON, CSV, EES) larger than this are refused with `input-too-large` (25 MB). */
  readonly maxDataFileBytes?: number;
}

export interface RenderOptions {
  /** Absolute path of the report; relative data paths resolve against its folder. */
  readonly path: string;
  readonly mode?: RenderMode;
  /** Public export only: publish despite remaining small numbers, marking them. */
  readonly allowSmallNumbers?: boolean;
  /** Public export only: export an exempt report as public anyway (warns). */
  readonly allowExemptAsPublic?: boolean;
  /**
   * Cancels the render (a newer edit arrived): checked between blocks and before charts
   * are queued; a cancelled render rejects with an AbortError and reports nothing.
   */
  readonly signal?: AbortSignal;
}

export interface RenderResult {
  /** The whole self-contained document. */
  readonly html: string;
  /** The `<main>` content alone, for the preview to patch in place. */
  readonly body: string;
  /**
   * `body` cut at its top-level blocks, in order (joined by newlines they give `body`),
   * each under a key that stays while its HTML does, up to a shift of its `data-line`
   * numbers: the preview patches only the blocks whose keys are new.
   */
  readonly blocks: readonly { readonly key: string; readonly html: string }[];
  /** Inline CSS of the document, for the preview to use the same styles. */
  readonly css: string;
  readonly title: string;
  readonly messages: readonly Message[];
  /** Data files (absolute) the report read, for watching. */
  readonly dataFiles: readonly string[];
  /** True when the output must not be published (errors, or a refused public export). */
  readonly refused: boolean;
  /**
   * Every figure the body prints, once per place, in document order (empty when the body
   * is a refusal notice). Files are absolute here; the HTML export carries the same list
   * with files relative to the report's folder (`readFigures`).
   */
  readonly figures: readonly FigureRecord[];
}

export interface CatalogueResult {
  readonly catalogue: Catalogue;
  /** The report's default period (front matter), when it has one. */
  readonly period?: string;
  readonly messages: readonly Message[];
}

export interface Engine {
  render(text: string, options: RenderOptions): Promise<RenderResult>;
  /** Messages only; the same rules as `render`, without producing HTML or charts. */
  check(text: string, options: RenderOptions): Promise<readonly Message[]>;
  /** The catalogue a report uses, for completion, hover and go-to-definition. */
  catalogue(text: string, options: RenderOptions): Promise<CatalogueResult>;
  /** Forget cached data for a file (a watcher saw it change). */
  invalidate(file: string): void;
  /** Starts the chart workers ahead of the first chart (an export that will draw charts). */
  prestartCharts(): void;
  /** How many charts this engine drew and remembers, and its worker threads (tests, benches). */
  chartStats(): RenderStats;
  /** Stops this engine's chart workers (idle workers also stop by themselves). */
  dispose(): void;
}
