import path from 'node:path';
import { createMessage, RULES } from '../messages.js';
import type { Message } from '../types.js';
import type { EesContribution } from './build-catalogue.js';
import type { DataFileContent, IndicatorDraft, PathRef, SourceDraft } from './drafts.js';
import {
  DFE_DIR_HOW,
  DFE_PREFIX,
  importEesSeries,
  isDfePath,
  isDfeSchemePath,
  resolveDfePath,
} from './ees/index.js';
import type { EesTableCache } from './ees/table-cache.js';
import type { EesIndicatorSpec, EesSeries, EesSourceSpec } from './ees/types.js';
import type { DataAccessPolicy } from './file-access.js';
import { didYouMean, nearest } from '../nearest.js';
import { locateDataFile } from './read-data-file.js';

/** The contract of `importEesSeries` (src/engine/data/ees), injectable for tests. */
export type EesImporter = (
  source: EesSourceSpec,
  indicators: readonly EesIndicatorSpec[],
  cache: EesTableCache,
) => Promise<EesSeries>;

export interface EesLoadOptions {
  readonly maxFileBytes: number;
  readonly eesCache: EesTableCache;
  /** The DfE data folder; `dfe:...` paths (and `dfe/...` ones not beside the data file) read from it. */
  readonly dfeDir?: string;
  readonly importEes?: EesImporter;
}

export interface EesLoadResult {
  readonly contributions: readonly EesContribution[];
  readonly messages: readonly Message[];
  readonly files: readonly string[];
}

/**
 * Resolves each `sources:` entry's files through the same access rules as every data
 * file, then asks the EES importer for the figures of the indicators that name it: one
 * call per source, so a large file is indexed once per render.
 */
export async function loadEesSeries(
  files: readonly DataFileContent[],
  indicators: readonly IndicatorDraft[],
  policy: DataAccessPolicy,
  options: EesLoadOptions,
): Promise<EesLoadResult> {
  const messages: Message[] = [];
  const read: string[] = [];
  const sources = new Map<string, { draft: SourceDraft; file: string }>();
  for (const file of files) {
    for (const draft of file.sources) {
      const first = sources.get(draft.name);
      if (first) {
        messages.push(
          createMessage(
            RULES.dataInvalid,
            `A source named ${draft.name} is already defined in ${first.file}`,
            draft.place,
          ),
        );
      } else sources.set(draft.name, { draft, file: file.file });
    }
  }

  const requests = new Map<string, EesIndicatorSpec[]>();
  for (const indicator of indicators) {
    const request = indicator.ees;
    if (!request) continue;
    if (!sources.has(request.sourceName)) {
      const suggestions = nearest(request.sourceName, sources.keys());
      messages.push(
        createMessage(
          RULES.dataInvalid,
          `${indicator.id}: no source named ${request.sourceName} in sources:${didYouMean(suggestions)}`,
          request.place,
          { suggestions },
        ),
      );
      continue;
    }
    const spec: EesIndicatorSpec = {
      indicatorId: indicator.id,
      value: request.value,
      ...(request.numerator !== undefined ? { numerator: request.numerator } : {}),
      ...(request.denominator !== undefined ? { denominator: request.denominator } : {}),
      ...(request.where ? { where: request.where } : {}),
      ...(request.numeratorWhere ? { numeratorWhere: request.numeratorWhere } : {}),
      ...(request.denominatorWhere ? { denominatorWhere: request.denominatorWhere } : {}),
      ...(request.categoryColumn !== undefined ? { categoryColumn: request.categoryColumn } : {}),
      ...(request.categories ? { categories: request.categories } : {}),
      place: request.place,
    };
    requests.set(request.sourceName, [...(requests.get(request.sourceName) ?? []), spec]);
  }

  const importer = options.importEes ?? importEesSeries;
  const contributions: EesContribution[] = [];
  for (const [name, specs] of requests) {
    const entry = sources.get(name);
    if (!entry) continue;
    const resolve = async (ref: PathRef): Promise<string | undefined> => {
      const located = await locateEesFile(entry.file, ref, policy, options);
      if (located.file !== undefined && !read.includes(located.file)) read.push(located.file);
      messages.push(...located.messages);
      return located.ok ? located.file : undefined;
    };
    const ees = await resolve(entry.draft.ees);
    const neighbours = entry.draft.neighbours ? await resolve(entry.draft.neighbours) : undefined;
    // A missing neighbours file loses one benchmark, not the authority's own figures.
    if (ees === undefined) continue;
    const source: EesSourceSpec = {
      name,
      ees,
      la: entry.draft.la,
      ...(neighbours !== undefined ? { neighbours } : {}),
      neighbourAverage: entry.draft.neighbourAverage,
      place: entry.draft.place,
    };
    let series: EesSeries;
    try {
      series = await importer(source, specs, options.eesCache);
    } catch (error) {
      // The importer reports problems as messages; this is a last guard against a crash.
      const reason = error instanceof Error ? error.message : String(error);
      messages.push(
        createMessage(
          RULES.dataInvalid,
          `Could not read source ${name}: ${reason}`,
          entry.draft.place,
        ),
      );
      continue;
    }
    messages.push(...series.messages);
    for (const file of series.files) if (!read.includes(file)) read.push(file);
    for (const spec of specs) {
      const figures = series.byIndicator.get(spec.indicatorId);
      if (figures)
        contributions.push({
          indicatorId: spec.indicatorId,
          values: figures.values,
          benchmarks: figures.benchmarks,
          ...(figures.peers ? { peers: figures.peers } : {}),
        });
    }
  }
  return { contributions, messages, files: read };
}

/**
 * Every relative path is relative to the data file that names it. Two exceptions name
 * the DfE data folder (which then counts as an allowed folder): `dfe:x.csv` always, and
 * `dfe/x.csv` when no such file is beside the data file, with a hint saying so.
 */
async function locateEesFile(
  dataFile: string,
  ref: PathRef,
  policy: DataAccessPolicy,
  options: EesLoadOptions,
): Promise<{ ok: boolean; file?: string; messages: readonly Message[] }> {
  const locate = async (written: string, effective: DataAccessPolicy) => {
    const located = await locateDataFile(
      dataFile,
      written,
      ref.place,
      effective,
      options.maxFileBytes,
    );
    return located.ok ? { ok: true, file: located.file, messages: [] } : located;
  };
  const scheme = isDfeSchemePath(ref.path);
  if (!scheme && !(isDfePath(ref.path) && !existsBeside(dataFile, ref.path, policy)))
    return locate(ref.path, policy);

  const folder = options.dfeDir;
  const inFolder = resolveDfePath(ref.path, folder);
  if (folder === undefined || inFolder === undefined) {
    const beside = scheme
      ? ''
      : ` There is no ${ref.path.trim()} beside ${path.basename(dataFile)} either.`;
    return {
      ok: false,
      messages: [
        createMessage(
          RULES.dataMissing,
          `${ref.path.trim()} names a file in the DfE data folder, but no DfE data folder is set: set it with ${DFE_DIR_HOW}.${beside}`,
          ref.place,
        ),
      ],
    };
  }
  const located = await locate(inFolder, {
    ...policy,
    allowedRoots: [...policy.allowedRoots, folder],
  });
  if (!located.ok) {
    // Say which folder was meant and where it is set, or the author cannot fix it.
    const where = scheme ? '' : ` (it is not beside ${path.basename(dataFile)} either)`;
    return {
      ...located,
      messages: located.messages.map((message) =>
        message.ruleId === RULES.dataMissing
          ? {
              ...message,
              reason: `${message.reason}${where}. The DfE data folder is ${folder}; set it with ${DFE_DIR_HOW}`,
            }
          : message,
      ),
    };
  }
  if (scheme) return located;
  const name = ref.path.trim().replace(/\\/g, '/').slice(DFE_PREFIX.length);
  const hint = createMessage(
    RULES.dfeFallback,
    `${ref.path.trim()} is not beside ${path.basename(dataFile)}, so it is read from the DfE data folder (${folder}); write dfe:${name} to say so, or put the file in a dfe folder beside the data file`,
    ref.place,
    { suggestions: [`dfe:${name}`] },
  );
  return { ...located, messages: [hint] };
}

function existsBeside(dataFile: string, written: string, policy: DataAccessPolicy): boolean {
  return policy.host.realPath(path.resolve(path.dirname(dataFile), written.trim())) !== undefined;
}
