import type { HostFiles } from '../../host.js';
import { decodeBytes } from '../../report/decode-text.js';
import type { SourcePlace } from '../../types.js';
import { parseCsvTable, type CsvTable } from './csv-table.js';
import type { EesSeries } from './types.js';

export type CsvReadResult =
  | { readonly ok: true; readonly table: CsvTable }
  /** `missing`: the file could not be found or read; otherwise it is not valid CSV. */
  | {
      readonly ok: false;
      readonly missing: boolean;
      readonly reason: string;
      readonly place?: SourcePlace;
      /** Refused at the door: not UTF-8. */
      readonly encoding?: boolean;
    };

/** A source's series as imported from the tables read (see import-series.ts). */
export interface RememberedSeries {
  /** The source and indicator specs, as JSON. */
  readonly key: string;
  readonly read: CsvReadResult;
  readonly neighbours: CsvReadResult | undefined;
  readonly series: EesSeries;
}

interface Entry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly result: Promise<CsvReadResult>;
}

/**
 * Parsed CSV tables by absolute path. An entry is reused while the file's mtime and
 * size are unchanged, so a re-render (every keystroke in the preview) does not re-read
 * a 3.3 MB file; a changed file is read again. Concurrent renders share one read.
 */
export class EesTableCache {
  readonly #entries = new Map<string, Entry>();
  /**
   * The last series imported per EES file and source name: a data file read again after
   * a change elsewhere gets the same series objects back (so the catalogue keeps its
   * indicator objects) without importing again.
   */
  readonly series = new Map<string, RememberedSeries>();

  constructor(private readonly host: HostFiles) {}

  async read(file: string): Promise<CsvReadResult> {
    let stats;
    try {
      stats = await this.host.stat(file);
    } catch {
      this.#entries.delete(file);
      return { ok: false, missing: true, reason: `File not found: ${file}` };
    }
    const cached = this.#entries.get(file);
    if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size)
      return cached.result;
    const result = load(this.host, file);
    this.#entries.set(file, { mtimeMs: stats.mtimeMs, size: stats.size, result });
    return result;
  }

  /** Forget a file (a watcher saw it change); the next read parses it again. */
  invalidate(file: string): void {
    this.#entries.delete(file);
  }

  clear(): void {
    this.#entries.clear();
    this.series.clear();
  }

  /** Files currently held, for tests and diagnostics. */
  get files(): readonly string[] {
    return [...this.#entries.keys()];
  }
}

async function load(host: HostFiles, file: string): Promise<CsvReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await host.readFile(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, missing: true, reason: `Cannot read ${file}: ${reason}` };
  }
  const decoded = decodeBytes(bytes, file, 'data file');
  if (!decoded.ok) {
    const { line, column } = decoded.message;
    return {
      ok: false,
      missing: false,
      encoding: true,
      reason: decoded.message.reason,
      place: { file, line, column },
    };
  }
  const text = decoded.text;
  const parsed = parseCsvTable(file, text);
  return parsed.ok
    ? parsed
    : { ok: false, missing: false, reason: parsed.reason, place: parsed.place };
}
