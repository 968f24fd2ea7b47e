import path from 'node:path';
import { createMessage, RULES } from '../messages.js';
import type { Message, SourcePlace } from '../types.js';
import type { DataCache } from './cache.js';
import type { FileContent } from './drafts.js';
import { resolveDataPath } from './file-access.js';
import type { DataAccessPolicy } from './file-access.js';
import { readCsv } from './read-csv.js';
import { readDataDocument } from './read-data-document.js';

/**
 * Data files past this size are refused rather than read into memory. Files are parsed
 * whole, at roughly 40 bytes of memory per byte of CSV, so 25 MB keeps a render near 1 GB;
 * an authority's own data is well under 1 MB and DfE's EES files a few MB.
 */
export const DEFAULT_MAX_FILE_BYTES = 25 * 1024 * 1024;

export interface ReadOptions {
  readonly cache: DataCache;
  readonly maxFileBytes: number;
}

export type Located =
  | {
      readonly ok: true;
      readonly file: string;
      readonly stat: { readonly mtimeMs: number; readonly size: number };
    }
  /** `file`: where the file is or would be, when that is allowed (to watch it). */
  | { readonly ok: false; readonly file?: string; readonly messages: readonly Message[] };

export type ReadResult =
  | { readonly ok: true; readonly file: string; readonly content: FileContent }
  | { readonly ok: false; readonly file?: string; readonly messages: readonly Message[] };

const STRUCTURED = new Set(['.yaml', '.yml', '.json']);

/**
 * Finds and checks a file named at `place` (in a report or a data file): allowed, present,
 * a file, not too large. Every failure is a message at `place`, the line the author fixes.
 */
export async function locateDataFile(
  fromFile: string,
  written: string,
  place: SourcePlace,
  policy: DataAccessPolicy,
  maxFileBytes: number,
): Promise<Located> {
  const resolved = resolveDataPath(fromFile, written, policy);
  if ('reason' in resolved) {
    return failed(createMessage(resolved.ruleId, resolved.reason, place), resolved.candidate);
  }
  const file = resolved.path;
  let stat;
  try {
    stat = await policy.host.stat(file);
  } catch (error) {
    return unreadable(written, place, file, error);
  }
  if (stat.kind === 'folder') {
    return failed(
      createMessage(RULES.dataMissing, `${written} is a folder, not a data file`, place),
      file,
    );
  }
  if (stat.kind !== 'file') {
    // A named pipe, socket or device would block the read forever or never end.
    return failed(
      createMessage(RULES.dataMissing, `${written} is not a regular file`, place),
      file,
    );
  }
  if (stat.size > maxFileBytes) {
    return failed(
      createMessage(
        RULES.inputTooLarge,
        `${written} is ${megabytes(stat.size)}, over the ${megabytes(maxFileBytes)} limit for data files`,
        place,
      ),
      file,
    );
  }
  return { ok: true, file, stat: { mtimeMs: stat.mtimeMs, size: stat.size } };
}

/** Locates, then reads and parses (through the cache) a YAML, JSON or CSV data file. */
export async function readDataFile(
  fromFile: string,
  written: string,
  place: SourcePlace,
  policy: DataAccessPolicy,
  options: ReadOptions,
): Promise<ReadResult> {
  const located = await locateDataFile(fromFile, written, place, policy, options.maxFileBytes);
  if (!located.ok) {
    if (located.file !== undefined) options.cache.invalidate(located.file);
    return located;
  }
  const { file, stat } = located;
  const extension = path.extname(file).toLowerCase();
  if (extension !== '.csv' && !STRUCTURED.has(extension)) {
    return failed(
      createMessage(
        RULES.dataInvalid,
        `${written}: data files are .yaml, .yml, .json or .csv`,
        place,
      ),
      file,
    );
  }
  try {
    const content = await options.cache.read(
      file,
      stat,
      (text) =>
        extension === '.csv'
          ? readCsv(text, file)
          : readDataDocument(text, file, options.cache.memoFor(file)),
      (message) => emptyContent(extension === '.csv', file, message),
    );
    return { ok: true, file, content };
  } catch (error) {
    return unreadable(written, place, file, error);
  }
}

/** A file refused at the door: no figures, one message in the file itself. */
function emptyContent(csv: boolean, file: string, message: Message): FileContent {
  return csv
    ? { kind: 'csv', file, values: [], targets: [], benchmarks: [], messages: [message] }
    : {
        kind: 'structured',
        file,
        indicators: [],
        comparators: [],
        includes: [],
        sources: [],
        messages: [message],
      };
}

function failed(
  message: Message,
  file?: string,
): { ok: false; file?: string; messages: Message[] } {
  return { ok: false, ...(file !== undefined ? { file } : {}), messages: [message] };
}

/** A file that is there but cannot be read (stat or read failed): the same words either way. */
function unreadable(written: string, place: SourcePlace, file: string, error: unknown) {
  return failed(
    createMessage(
      RULES.dataMissing,
      `Cannot read data file ${written}: ${errorText(error)}`,
      place,
    ),
    file,
  );
}

function errorText(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'the file does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 0)} MB`;
}
