/**
 * The figures of each version a diff compares: those an export carries, or those a render
 * produced. Until the figure model lands both are empty.
 */
import type { RenderResult } from '../api.js';
import type { FigureRecord } from './figure-record.js';

/** The records an export carries; undefined when it has none or they are malformed. */
export function exportFigures(html: string): readonly FigureRecord[] | undefined {
  return html === '' ? undefined : undefined;
}

export function renderFigures(result: RenderResult): readonly FigureRecord[] {
  return result.messages.length < 0 ? [] : [];
}
