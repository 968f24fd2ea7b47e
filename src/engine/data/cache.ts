import type { HostFiles } from '../host.js';
import { decodeBytes } from '../report/decode-text.js';
import type { Message } from '../types.js';
import type { BuiltIndicator } from './build-catalogue.js';
import { DocumentMemo } from './document-memo.js';
import type { FileContent, IndicatorDraft } from './drafts.js';
import { EesTableCache } from './ees/table-cache.js';

interface Entry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly content: FileContent;
}

/**
 * Parsed data files by absolute path. A file is parsed again only when its mtime or size
 * changed, so a report re-rendered while typing costs one stat per data file, and a
 * change in one CSV does not re-parse the others.
 */
export class DataCache {
  private readonly entries = new Map<string, Entry>();
  /** Parsed EES tables, kept beside the data files so one engine owns one cache. */
  readonly ees: EesTableCache;
  /** How many times a file was actually read and parsed (for tests and benchmarks). */
  parses = 0;
  /**
   * What the last reads of each YAML file left for the next (see document-memo.ts). Kept
   * when a file is invalidated: a file is invalidated because it changed, and its next
   * read is the one that gains.
   */
  private readonly memos = new Map<string, DocumentMemo>();
  /** Catalogue indicators by the draft they were built from (see build-catalogue.ts). */
  readonly indicators = new WeakMap<IndicatorDraft, BuiltIndicator>();

  constructor(private readonly host: HostFiles) {
    this.ees = new EesTableCache(host);
  }

  /** The cached content when `stat` still matches, else undefined. */
  lookup(
    file: string,
    stat: { readonly mtimeMs: number; readonly size: number },
  ): FileContent | undefined {
    const entry = this.entries.get(file);
    return entry && entry.mtimeMs === stat.mtimeMs && entry.size === stat.size
      ? entry.content
      : undefined;
  }

  store(
    file: string,
    stat: { readonly mtimeMs: number; readonly size: number },
    content: FileContent,
  ): void {
    this.parses++;
    this.entries.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, content });
  }

  /** Forget a file (a watcher saw it change, or it was deleted). */
  invalidate(file: string): void {
    this.entries.delete(file);
    this.ees.invalidate(file);
  }

  /** The memo the reads of `file` share. */
  memoFor(file: string): DocumentMemo {
    let memo = this.memos.get(file);
    if (!memo) this.memos.set(file, (memo = new DocumentMemo()));
    return memo;
  }

  clear(): void {
    this.entries.clear();
    this.memos.clear();
    this.ees.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Reads and parses through the cache. The bytes are decoded as UTF-8 only; a file that
   * is not UTF-8 becomes `refused(message)` (cached like any content until it changes).
   */
  async read(
    file: string,
    stat: { readonly mtimeMs: number; readonly size: number },
    parse: (text: string) => FileContent,
    refused: (message: Message) => FileContent,
  ): Promise<FileContent> {
    const cached = this.lookup(file, stat);
    if (cached) return cached;
    const decoded = decodeBytes(await this.host.readFile(file), file, 'data file');
    const content = decoded.ok ? parse(decoded.text) : refused(decoded.message);
    this.store(file, stat, content);
    return content;
  }
}
