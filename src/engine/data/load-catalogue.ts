import { RULES, createMessage } from '../messages.js';
import type { Catalogue, Message, SourcePlace } from '../types.js';
import { buildCatalogue } from './build-catalogue.js';
import type { EesContribution } from './build-catalogue.js';
import { DataCache } from './cache.js';
import type { CsvContent, DataFileContent, IndicatorDraft } from './drafts.js';
import { loadEesSeries } from './ees-sources.js';
import type { EesImporter } from './ees-sources.js';
import type { DataAccessPolicy } from './file-access.js';
import { DEFAULT_MAX_FILE_BYTES, readDataFile } from './read-data-file.js';

export interface LoadOptions {
  /** Used unless a data file sets `small_number_threshold` (DfE practice: 5). */
  readonly smallNumberThreshold: number;
  /** Keep one per engine so re-renders reuse parsed files; a fresh one otherwise. */
  readonly cache?: DataCache;
  /** Files larger than this are refused with `input-too-large` (default 100 MB). */
  readonly maxFileBytes?: number;
  /** The DfE data folder that `dfe/...` paths in `sources:` read from. */
  readonly dfeDir?: string;
  /** Replaces the EES importer (tests). */
  readonly importEes?: EesImporter;
}

export interface DataPath {
  /** As written in the report (relative to it) or absolute. */
  readonly path: string;
  /** Where the report names the file (its front matter), for missing-file messages. */
  readonly place: SourcePlace;
}

/**
 * Reads every data file a report names (and the files they include), then merges them
 * into one catalogue. Never throws for bad input: problems come back as messages.
 */
export async function loadCatalogue(
  dataPaths: readonly DataPath[],
  policy: DataAccessPolicy,
  options: LoadOptions,
): Promise<{ catalogue: Catalogue; messages: Message[] }> {
  const cache = options.cache ?? new DataCache(policy.host);
  const readOptions = { cache, maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES };
  const messages: Message[] = [];
  const structured: DataFileContent[] = [];
  const csv: CsvContent[] = [];
  const files: string[] = [];
  const visited = new Set<string>();

  // Depth first, so indicators keep the order an author reads them in: a file, then its includes.
  const visit = async (fromFile: string, written: string, place: SourcePlace): Promise<void> => {
    const result = await readDataFile(fromFile, written, place, policy, readOptions);
    if (result.file !== undefined && !files.includes(result.file)) files.push(result.file);
    if (!result.ok) {
      append(messages, result.messages);
      return;
    }
    // A file included twice (or in a cycle) contributes once.
    if (visited.has(result.file)) return;
    visited.add(result.file);
    const content = result.content;
    append(messages, content.messages);
    if (content.kind === 'csv') {
      csv.push(content);
      return;
    }
    structured.push(content);
    for (const include of content.includes) await visit(result.file, include.path, include.place);
  };
  for (const dataPath of dataPaths) await visit(dataPath.place.file, dataPath.path, dataPath.place);

  const ees = await loadEesSeries(structured, firstEesDefinitions(cache, structured), policy, {
    maxFileBytes: readOptions.maxFileBytes,
    eesCache: cache.ees,
    ...(options.dfeDir !== undefined ? { dfeDir: options.dfeDir } : {}),
    ...(options.importEes ? { importEes: options.importEes } : {}),
  });
  append(messages, ees.messages);
  for (const file of ees.files) if (!files.includes(file)) files.push(file);

  // Typing re-renders with the same parsed files: the catalogue built from them is kept.
  const inputs = [...structured, ...csv, ...ees.contributions, options.smallNumberThreshold];
  const last = lastBuilt.get(cache);
  const built =
    last && sameItems(last.inputs, inputs) && sameItems(last.files, files)
      ? last.built
      : buildCatalogue({
          structured,
          csv,
          ees: ees.contributions satisfies readonly EesContribution[],
          smallNumberThreshold: options.smallNumberThreshold,
          files,
          memo: cache.indicators,
        });
  lastBuilt.set(cache, { inputs, files, built });
  append(messages, built.messages);
  return { catalogue: built.catalogue, messages: capPerFile(dedupe(messages)) };
}

/** Each cache's last catalogue and what it was built from (object identity). */
const lastBuilt = new WeakMap<
  DataCache,
  {
    readonly inputs: readonly unknown[];
    readonly files: readonly string[];
    readonly built: ReturnType<typeof buildCatalogue>;
  }
>();

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** Each cache's last first EES definitions and the files they came from (object identity). */
const lastDefinitions = new WeakMap<
  DataCache,
  { readonly files: readonly DataFileContent[]; readonly drafts: readonly IndicatorDraft[] }
>();

/**
 * The first definitions of ids that take their figures from an EES source: only the first
 * definition of an id reaches the catalogue, so only it reads EES. Kept while the files
 * are the same: every keystroke loads the catalogue, and a long report's data has
 * thousands of indicators, of which few name a source.
 */
function firstEesDefinitions(
  cache: DataCache,
  files: readonly DataFileContent[],
): readonly IndicatorDraft[] {
  const last = lastDefinitions.get(cache);
  if (last && sameItems(last.files, files)) return last.drafts;
  const seen = new Set<string>();
  const drafts = files
    .flatMap((file) => file.indicators)
    .filter((draft) => {
      const key = draft.id.toUpperCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .filter((draft) => draft.ees !== undefined);
  lastDefinitions.set(cache, { files, drafts });
  return drafts;
}

/**
 * The schema and the period parser may both object to one period; an author needs to
 * hear it once.
 */
function dedupe(messages: readonly Message[]): Message[] {
  const seen = new Set<string>();
  return messages.filter((message) => {
    const key = `${message.file}:${message.line}:${message.column}:${message.ruleId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A spreadsheet with a systematic mistake (a renamed indicator, a wrong period format) can
 * give one message per row; hundreds of thousands of them would flood the Problems panel.
 */
export const MAX_MESSAGES_PER_FILE = 200;

/** `push(...many)` overflows the call stack past about 100,000 items; this never does. */
function append(into: Message[], more: readonly Message[]): void {
  for (const message of more) into.push(message);
}

/** Keeps the first MAX_MESSAGES_PER_FILE messages of each file and says how many more there were. */
function capPerFile(messages: readonly Message[]): Message[] {
  const counts = new Map<string, number>();
  const kept: Message[] = [];
  for (const message of messages) {
    const count = (counts.get(message.file) ?? 0) + 1;
    counts.set(message.file, count);
    if (count <= MAX_MESSAGES_PER_FILE) kept.push(message);
  }
  for (const [file, count] of counts) {
    if (count <= MAX_MESSAGES_PER_FILE) continue;
    const worst = messages.some((message) => message.file === file && message.severity === 'error');
    kept.push(
      createMessage(
        RULES.dataInvalid,
        `${count - MAX_MESSAGES_PER_FILE} more problems in this file are not listed (${count} in all); fix the first ones and check again`,
        { file, line: 1, column: 1 },
        { severity: worst ? 'error' : 'warning' },
      ),
    );
  }
  return kept;
}
