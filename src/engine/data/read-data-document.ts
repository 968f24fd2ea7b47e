import path from 'node:path';
import { createMessage, RULES } from '../messages.js';
import { parsePeriod } from '../periods.js';
import type {
  BenchmarkValue,
  Message,
  Observation,
  Period,
  Polarity,
  SourcePlace,
  Target,
  Unit,
} from '../types.js';
import type { RowFilter } from './ees/types.js';
import type {
  DataFileContent,
  EesRequest,
  IndicatorDraft,
  PathRef,
  SourceDraft,
} from './drafts.js';
import { isStatSymbol } from './drafts.js';
import type { DocumentMemo } from './document-memo.js';
import { readPlainYaml } from './read-plain-yaml.js';
import { parseStructured, readWithYamlPackage } from './read-structured.js';
import type { PathSegment, StructuredFile } from './read-structured.js';
import { validateData, validateDataWithMemo } from './validate-data.js';
import { quoted } from '../quote.js';

type Fields = Readonly<Record<string, unknown>>;

const UNITS: readonly Unit[] = ['percent', 'count', 'rate_per_10000', 'days', 'number', 'currency'];
const POLARITIES: readonly Polarity[] = ['higher', 'lower', 'band', 'none'];

/**
 * Reads a YAML/JSON data file into drafts. Schema problems are reported, and whatever
 * is still usable is kept, so one typo does not blank a whole report.
 *
 * With a memo (one per file, see document-memo.ts), a YAML file read again gives the
 * same result as without it, but an `indicators:` entry whose lines did not move or
 * change is not parsed, built or checked again: its drafts are the same objects.
 */
export function readDataDocument(text: string, file: string, memo?: DocumentMemo): DataFileContent {
  const yaml = memo !== undefined && path.extname(file).toLowerCase() !== '.json';
  const plain = yaml ? readPlainYaml(text, file, memo.plain) : undefined;
  const parsed = plain ?? (yaml ? readWithYamlPackage(text, file) : parseStructured(text, file));
  const remembered = plain ? memo : undefined;
  const messages: Message[] = [
    ...parsed.messages,
    ...(remembered ? validateDataWithMemo(parsed, remembered.valid) : validateData(parsed)),
  ];
  const root = fields(parsed.data);
  const reader = new DocumentReader(parsed, messages);
  const threshold = root?.['small_number_threshold'];
  return {
    kind: 'structured',
    file,
    indicators: list(root?.['indicators']).flatMap((entry, i) =>
      remembered
        ? builtEntry(entry, i, reader, parsed, messages, remembered)
        : reader.indicator(entry, ['indicators', i]),
    ),
    comparators: list(root?.['comparators']).filter((c): c is string => typeof c === 'string'),
    ...(typeof threshold === 'number' && Number.isFinite(threshold)
      ? {
          smallNumberThreshold: threshold,
          smallNumberThresholdPlace: parsed.placeOf(['small_number_threshold']),
        }
      : {}),
    includes: list(root?.['include']).flatMap((entry, i): PathRef[] =>
      typeof entry === 'string' ? [{ path: entry, place: parsed.placeOf(['include', i]) }] : [],
    ),
    sources: Object.entries(fields(root?.['sources']) ?? {}).flatMap(([name, entry]) =>
      reader.source(name, entry),
    ),
    messages,
  };
}

/**
 * An entry's drafts depend on its value and its places; the plain reader gives an entry
 * back as the same value object only for the same lines, so the same object starting
 * at the same place built the same drafts and messages.
 */
function builtEntry(
  entry: unknown,
  index: number,
  reader: DocumentReader,
  parsed: StructuredFile,
  messages: Message[],
  memo: DocumentMemo,
): readonly IndicatorDraft[] {
  if (entry === null || typeof entry !== 'object')
    return reader.indicator(entry, ['indicators', index]);
  const { line, column } = parsed.placeOf(['indicators', index]);
  const known = memo.built.get(entry);
  if (known && known.line === line && known.column === column) {
    for (const message of known.messages) messages.push(message);
    return known.drafts;
  }
  const before = messages.length;
  const drafts = reader.indicator(entry, ['indicators', index]);
  memo.built.set(entry, { line, column, drafts, messages: messages.slice(before) });
  return drafts;
}

class DocumentReader {
  constructor(
    private readonly parsed: StructuredFile,
    private readonly messages: Message[],
  ) {}

  indicator(entry: unknown, at: readonly PathSegment[]): IndicatorDraft[] {
    const f = fields(entry);
    const id = typeof f?.['id'] === 'string' ? f['id'].trim() : '';
    if (!f || id === '') return [];
    const unit = UNITS.find((u) => u === f['unit']) ?? 'number';
    const polarity = POLARITIES.find((p) => p === f['polarity']) ?? 'none';
    const decimals = f['decimals'];
    const ees = this.eesRequest(f, at);
    return [
      {
        id,
        aliases: list(f['aliases'])
          .filter((a): a is string => typeof a === 'string')
          .map((a) => a.trim()),
        title: typeof f['title'] === 'string' ? f['title'] : id,
        ...(typeof f['definition'] === 'string' ? { definition: f['definition'] } : {}),
        unit,
        decimals:
          typeof decimals === 'number' && Number.isInteger(decimals) && decimals >= 0
            ? Math.min(decimals, 6)
            : 0,
        ...(unit === 'currency'
          ? {
              currency:
                typeof f['currency'] === 'string' ? f['currency'].trim().toUpperCase() : 'GBP',
            }
          : {}),
        polarity,
        ...bandOf(f['band']),
        ...(typeof f['counting_unit'] === 'string' ? { countingUnit: f['counting_unit'] } : {}),
        ...(typeof f['part_of'] === 'string' ? { partOf: f['part_of'].trim() } : {}),
        ...(typeof f['breakdown'] === 'string' && f['breakdown'].trim() !== ''
          ? { breakdown: f['breakdown'].trim() }
          : {}),
        tags: list(f['tags']).filter((t): t is string => typeof t === 'string'),
        values: list(f['values']).flatMap((v, i) => this.observation(v, [...at, 'values', i])),
        targets: list(f['targets']).flatMap((t, i) => this.target(t, [...at, 'targets', i])),
        benchmarks: list(f['benchmarks']).flatMap((b, i) =>
          this.benchmark(b, [...at, 'benchmarks', i]),
        ),
        source: this.parsed.placeOf(at),
        ...(ees ? { ees } : {}),
      },
    ];
  }

  source(name: string, entry: unknown): SourceDraft[] {
    const f = fields(entry);
    const at = ['sources', name];
    const la = f?.['la'];
    if (!f || typeof f['ees'] !== 'string' || (typeof la !== 'string' && typeof la !== 'number'))
      return [];
    const neighbours = f['neighbours'];
    return [
      {
        name,
        ees: { path: f['ees'], place: this.parsed.placeOf([...at, 'ees']) },
        // `la: 309` unquoted is a YAML number; old LA codes are three digits, so pad.
        la: typeof la === 'number' ? String(la).padStart(3, '0') : la.trim(),
        ...(typeof neighbours === 'string'
          ? { neighbours: { path: neighbours, place: this.parsed.placeOf([...at, 'neighbours']) } }
          : {}),
        neighbourAverage: f['neighbour_average'] === 'median' ? 'median' : 'mean',
        place: this.parsed.placeOfKey(['sources'], name),
      },
    ];
  }

  private eesRequest(f: Fields, at: readonly PathSegment[]): EesRequest | undefined {
    const sourceName = f['source'];
    const value = f['value'];
    if (typeof sourceName !== 'string' || typeof value !== 'string') return undefined;
    const where = rowFilter(f['where']);
    const numeratorWhere = rowFilter(f['numerator_where']);
    const denominatorWhere = rowFilter(f['denominator_where']);
    return {
      sourceName,
      value,
      ...(typeof f['numerator'] === 'string' ? { numerator: f['numerator'] } : {}),
      ...(typeof f['denominator'] === 'string' ? { denominator: f['denominator'] } : {}),
      ...(where ? { where } : {}),
      ...(numeratorWhere ? { numeratorWhere } : {}),
      ...(denominatorWhere ? { denominatorWhere } : {}),
      ...(typeof f['category_column'] === 'string' && f['category_column'].trim() !== ''
        ? { categoryColumn: f['category_column'].trim() }
        : {}),
      ...(Array.isArray(f['categories'])
        ? {
            categories: list(f['categories']).filter(
              (c): c is string => typeof c === 'string' && c.trim() !== '',
            ),
          }
        : {}),
      place: this.parsed.placeOf([...at, 'source']),
    };
  }

  private observation(entry: unknown, at: readonly PathSegment[]): Observation[] {
    const f = fields(entry);
    const period = this.period(f, at);
    if (!f || !period) return [];
    const value = f['value'];
    const symbol = f['symbol'];
    if (typeof value !== 'number' && !(typeof symbol === 'string' && isStatSymbol(symbol)))
      return [];
    return [
      {
        period,
        ...(typeof value === 'number' ? { value } : {}),
        ...numberField(f, 'numerator'),
        ...numberField(f, 'denominator'),
        ...(typeof symbol === 'string' && isStatSymbol(symbol) ? { symbol } : {}),
        ...(typeof f['note'] === 'string' ? { note: f['note'] } : {}),
        ...(typeof f['category'] === 'string' && f['category'].trim() !== ''
          ? { category: f['category'].trim() }
          : {}),
        source: this.parsed.placeOf(at),
      },
    ];
  }

  private target(entry: unknown, at: readonly PathSegment[]): Target[] {
    const f = fields(entry);
    const period = this.period(f, at);
    if (!f || !period || typeof f['value'] !== 'number') return [];
    return [
      {
        period,
        value: f['value'],
        ...numberField(f, 'tolerance'),
        source: this.parsed.placeOf(at),
      },
    ];
  }

  private benchmark(entry: unknown, at: readonly PathSegment[]): BenchmarkValue[] {
    const f = fields(entry);
    const period = this.period(f, at);
    const comparator = f?.['comparator'];
    if (!f || !period || typeof comparator !== 'string' || comparator.trim() === '') return [];
    const value = f['value'];
    const symbol = f['symbol'];
    if (typeof value !== 'number' && !(typeof symbol === 'string' && isStatSymbol(symbol)))
      return [];
    return [
      {
        comparator: comparator.trim(),
        period,
        ...(typeof value === 'number' ? { value } : {}),
        ...(typeof symbol === 'string' && isStatSymbol(symbol) ? { symbol } : {}),
        ...(typeof f['note'] === 'string' ? { note: f['note'] } : {}),
        source: this.parsed.placeOf(at),
      },
    ];
  }

  /** A period the schema's pattern lets through may still mean nothing (`2023/25`). */
  private period(f: Fields | undefined, at: readonly PathSegment[]): Period | undefined {
    const text = f?.['period'];
    if (typeof text !== 'string') return undefined;
    const period = parsePeriod(text);
    if (!period)
      this.messages.push(
        periodMessage(text, this.parsed.placeOf([...at, 'period']), this.parsed.data, at),
      );
    return period;
  }
}

function periodMessage(
  text: string,
  place: SourcePlace,
  data: unknown,
  at: readonly PathSegment[],
): Message {
  const id =
    at[0] === 'indicators' && typeof at[1] === 'number' ? indicatorIdAt(data, at[1]) : undefined;
  const where = `${id ? `${id} ` : ''}${at
    .slice(2)
    .map((s) => (typeof s === 'number' ? `[${s}]` : s))
    .join('')}.period`;
  return createMessage(
    RULES.dataInvalid,
    `${where}: ${quoted(text)} is not a period (write 2023/24, 2023/24 Q4, 2023/24 H1, 2024-05 or 2024-03-31)`,
    place,
  );
}

function indicatorIdAt(data: unknown, index: number): string | undefined {
  const entry = list(fields(data)?.['indicators'])[index];
  const id = fields(entry)?.['id'];
  return typeof id === 'string' ? id : undefined;
}

/** Written low-high or high-low, the good range is stored low first. */
function bandOf(value: unknown): { band?: readonly [number, number] } {
  const [a, b] = list(value);
  if (list(value).length !== 2 || typeof a !== 'number' || typeof b !== 'number') return {};
  return { band: [Math.min(a, b), Math.max(a, b)] };
}

function fields(value: unknown): Fields | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Fields)
    : undefined;
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function numberField<K extends string>(f: Fields, key: K): Partial<Record<K, number>> {
  const value = f[key];
  return typeof value === 'number' && Number.isFinite(value)
    ? ({ [key]: value } as Record<K, number>)
    : {};
}

function rowFilter(value: unknown): RowFilter | undefined {
  const f = fields(value);
  if (!f) return undefined;
  const filter: Record<string, string> = {};
  for (const [key, cell] of Object.entries(f)) {
    if (typeof cell === 'string' || typeof cell === 'number') filter[key] = String(cell);
  }
  return filter;
}
