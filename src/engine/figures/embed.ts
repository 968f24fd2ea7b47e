/**
 * Exports carry their figures, so `scorecard diff` (and anyone's own script) can read
 * them back without running anything: the record list as JSON text inside
 * `<template id="scorecard-figures">`. A template's content is inert: never displayed,
 * printed or read by screen readers, with no script involved, and it stays what it is
 * when a CMS strips the Content-Security-Policy. Reading it back treats the file as
 * untrusted: every record is checked and rebuilt from its known fields.
 */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { relative, sep } from 'node:path';
import { isInside } from '../data/file-access.js';
import {
  FIGURE_FIELDS,
  FIGURE_KINDS,
  type FigureKind,
  type FigureRecord,
} from './figure-record.js';

/** The template element's id: one per export, a child of `<body>`. */
export const FIGURES_ELEMENT_ID = 'scorecard-figures';

/** What the JSON says it is, so another template of that id is not mistaken for ours. */
const FORMAT = 'scorecard-figures';
/**
 * Version 2 is a table: a row per record under `columns`, file names once in `files`.
 * Version 1 (one object per record) repeated every field name and path in every record:
 * 41% of a 100-chart export, which the public gate then read again. Version 3 adds the
 * counts printed beside a value (`numerator`, `denominator`). All three are read back.
 */
const VERSION = 3;
const READS: ReadonlySet<unknown> = new Set([1, 2, 3]);
/** A record's fields in a row; `source` is `[file, line]`, `place` `[file, line, column]`. */
const COLUMNS = [...FIGURE_FIELDS, 'source', 'place'] as const;
/** Version 2's row: the same, without the counts. */
const COLUMNS_V2 = COLUMNS.filter((name) => name !== 'numerator' && name !== 'denominator');

/** A figure list that is not what this tool writes. */
export class FiguresFormatError extends Error {
  override name = 'FiguresFormatError';
}

/**
 * The records as an export carries them: files relative to the report's folder with `/`
 * between parts, so the file says nothing of the machine it was made on. A file in the
 * DfE data folder is named as a report names it (`dfe:la_care_leavers_activity.csv`),
 * wherever that folder is on the machine.
 */
export function exportedFigures(
  figures: readonly FigureRecord[],
  reportDir: string,
  dfeDir?: string,
): FigureRecord[] {
  const names = new Map<string, string>();
  const name = (file: string) => {
    let known = names.get(file);
    if (known === undefined) {
      known = inFolder(dfeDir, file) ?? relative(reportDir, file).split(sep).join('/');
      names.set(file, known);
    }
    return known;
  };
  return figures.map((record) => ({
    ...record,
    source: record.source && { file: name(record.source.file), line: record.source.line },
    place: { ...record.place, file: name(record.place.file) },
  }));
}

/** `dfe:` and the file's path inside the DfE folder, when it is inside it. */
function inFolder(dfeDir: string | undefined, file: string): string | undefined {
  if (dfeDir === undefined || file === dfeDir || !isInside(file, dfeDir)) return undefined;
  return `dfe:${relative(dfeDir, file).split(sep).join('/')}`;
}

/** The `<template>` element's HTML; the JSON is escaped as text, so it cannot close it. */
export function figuresTemplate(figures: readonly FigureRecord[]): string {
  const files = new Map<string, number>();
  const file = (name: string) => {
    let index = files.get(name);
    if (index === undefined) files.set(name, (index = files.size));
    return index;
  };
  // In the order of COLUMNS; an absent field (a comparator, a state) is null.
  const rows = figures.map((record) => [
    ...FIGURE_FIELDS.map((field) => record[field] ?? null),
    record.source && [file(record.source.file), record.source.line],
    [file(record.place.file), record.place.line, record.place.column],
  ]);
  const json = JSON.stringify({
    format: FORMAT,
    version: VERSION,
    columns: COLUMNS,
    files: [...files.keys()],
    figures: rows,
  });
  // What hast-util-to-html escapes in text, done in one pass over a long string.
  const text = json.replace(/[&<]/g, (char) => (char === '&' ? '&amp;' : '&lt;'));
  return `<template id="${FIGURES_ELEMENT_ID}">${text}</template>`;
}

/**
 * The figures an export carries. Undefined when the document carries none (not written
 * by this tool, or before figures were carried); throws a FiguresFormatError when it
 * carries something that is not a valid figure list.
 */
export function readFigures(html: string): FigureRecord[] | undefined {
  if (typeof html !== 'string') throw new FiguresFormatError('The document is not text');
  // Most documents are not ours: no parse when the id is nowhere in the text.
  if (!html.includes(FIGURES_ELEMENT_ID)) return undefined;
  const found = figureTemplates(fromHtml(html));
  if (found.length === 0) return undefined;
  if (found.length > 1)
    throw new FiguresFormatError(`The document has ${found.length} figure lists; expected one`);
  return parseFigureList(templateText(found[0]!));
}

/** Every `<template id="scorecard-figures">` in a parsed document. */
export function figureTemplates(tree: Root): Element[] {
  const found: Element[] = [];
  const walk = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      if (node.tagName === 'template' && node.properties['id'] === FIGURES_ELEMENT_ID)
        found.push(node);
      walk(node.children);
      if (node.content) walk(node.content.children);
    }
  };
  walk(tree.children);
  return found;
}

/** A template's text, or undefined when it holds anything but text. */
export function templateText(template: Element): string | undefined {
  const nodes = template.content?.children ?? template.children;
  let text = '';
  for (const node of nodes) {
    if (node.type !== 'text') return undefined;
    text += node.value;
  }
  return text;
}

/** The JSON a template holds, checked record by record. */
export function parseFigureList(text: string | undefined): FigureRecord[] {
  if (text === undefined)
    throw new FiguresFormatError('The figure list holds markup where only text may be');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new FiguresFormatError(`The figure list is not JSON: ${(error as Error).message}`);
  }
  if (!isObject(parsed) || parsed['format'] !== FORMAT)
    throw new FiguresFormatError('The figure list does not say it is a Scorecard figure list');
  if (!READS.has(parsed['version']))
    throw new FiguresFormatError(
      `The figure list is version ${String(parsed['version'])}; this tool reads versions 1 and ${VERSION}`,
    );
  const figures = parsed['figures'];
  if (!Array.isArray(figures)) throw new FiguresFormatError('The figure list has no figures');
  const fromRow =
    parsed['version'] === 1
      ? (item: unknown) => item
      : rowReader(parsed, parsed['version'] === 2 ? COLUMNS_V2 : COLUMNS);
  return figures.map((item: unknown, index) => {
    const record = checkedRecord(fromRow(item));
    if (typeof record === 'string')
      throw new FiguresFormatError(`Figure ${index + 1} of the list: ${record}`);
    return record;
  });
}

/**
 * Turns a row back into a version 1 record, for the same checks: a row that is not an
 * array of the columns' length, or names a file not listed, fails them.
 */
function rowReader(
  list: Record<string, unknown>,
  expected: readonly string[],
): (row: unknown) => unknown {
  const { columns, files } = list;
  if (
    !Array.isArray(columns) ||
    columns.length !== expected.length ||
    columns.some((name, index) => name !== expected[index])
  )
    throw new FiguresFormatError(`The figure list's columns are not ${expected.join(', ')}`);
  if (!Array.isArray(files) || !files.every(isText))
    throw new FiguresFormatError("The figure list's files are not a list of paths");
  const fileAt = (value: unknown, fields: readonly string[]): unknown => {
    if (!Array.isArray(value) || value.length !== fields.length + 1) return undefined;
    const [index, ...numbers] = value as unknown[];
    const file =
      typeof index === 'number' && Object.hasOwn(files, index) ? files[index] : undefined;
    return Object.fromEntries([['file', file], ...fields.map((field, i) => [field, numbers[i]])]);
  };
  return (row) => {
    if (!Array.isArray(row) || row.length !== expected.length) return undefined;
    const record: Record<string, unknown> = {};
    expected.forEach((name, index) => {
      const value: unknown = row[index];
      if (name === 'source') record[name] = value === null ? null : fileAt(value, ['line']);
      else if (name === 'place') record[name] = fileAt(value, ['line', 'column']);
      else if (value !== null || name === 'value') record[name] = value;
    });
    return record;
  };
}

const KINDS: ReadonlySet<string> = new Set(FIGURE_KINDS);
/** Longer than any figure's text or path a report could print. */
const MAX_TEXT = 4096;

/** The record rebuilt from its known fields, or what is wrong with it. */
function checkedRecord(item: unknown): FigureRecord | string {
  if (!isObject(item)) return 'not an object';
  const { indicator, period, kind, comparator, category, text, value, state, suppressed } = item;
  const { numerator, denominator } = item;
  if (!isText(indicator)) return 'indicator is not text';
  if (!isText(period)) return 'period is not text';
  if (typeof kind !== 'string' || !KINDS.has(kind))
    return `kind is not one of ${FIGURE_KINDS.join(', ')}`;
  if (comparator !== undefined && !isText(comparator)) return 'comparator is not text';
  if (category !== undefined && !isText(category)) return 'category is not text';
  if (!isText(text)) return 'text is not text';
  if (value !== null && !(typeof value === 'number' && Number.isFinite(value)))
    return 'value is neither a number nor null';
  if (state !== undefined && !isText(state)) return 'state is not text';
  if (typeof suppressed !== 'boolean') return 'suppressed is not true or false';
  if (suppressed && value !== null) return 'a suppressed figure carries a number';
  if ((numerator === undefined) !== (denominator === undefined))
    return 'a numerator without a denominator, or the other way round';
  const counts =
    isWhole(numerator) && isWhole(denominator) ? { numerator, denominator } : undefined;
  if (numerator !== undefined && !counts) return 'numerator or denominator is not a whole number';
  if (suppressed && numerator !== undefined) return 'a suppressed figure carries its counts';
  const source = item['source'] === null ? null : filePlace(item['source'], false);
  if (source === undefined) return 'source is neither {file, line} nor null';
  const place = filePlace(item['place'], true);
  if (!place) return 'place is not {file, line, column}';
  return {
    indicator,
    period,
    kind: kind as FigureKind,
    ...(comparator !== undefined ? { comparator } : {}),
    ...(category !== undefined ? { category } : {}),
    text,
    value,
    ...counts,
    ...(state !== undefined ? { state } : {}),
    suppressed,
    source,
    place: place as FigureRecord['place'],
  };
}

function filePlace(
  item: unknown,
  withColumn: boolean,
): { file: string; line: number; column?: number } | undefined {
  if (!isObject(item)) return undefined;
  const { file, line, column } = item;
  if (!isText(file) || !isCount(line)) return undefined;
  if (!withColumn) return { file, line };
  if (!isCount(column)) return undefined;
  return { file, line, column };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_TEXT;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}
