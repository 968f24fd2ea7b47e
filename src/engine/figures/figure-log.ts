/**
 * The figures a render prints, collected as they are built: each builder hands over the
 * element it prints and what the figure is, and the record's text is read from that
 * element. So the list is what the page shows by construction: one formatting, read
 * twice, never two formattings that could drift apart.
 */
import type { ElementContent } from 'hast';
import type { SourcePlace } from '../types.js';
import type { FigureKind, FigureRecord } from './figure-record.js';

/** What a builder knows about a figure it prints; the text and the place come from the log. */
/** The numerator and denominator printed beside a value (a card's `120 of 207`). */
export interface PrintedCounts {
  readonly numerator: number;
  readonly denominator: number;
}

export interface FigureFacts {
  readonly indicator: string;
  readonly period: string;
  readonly kind: FigureKind;
  readonly comparator?: string | undefined;
  readonly category?: string | undefined;
  readonly value: number | null;
  readonly counts?: PrintedCounts | undefined;
  readonly state?: string | undefined;
  readonly suppressed: boolean;
  readonly source: SourcePlace | undefined;
}

/** A position in the report (1-based). */
export interface ReportPlace {
  readonly line: number;
  readonly column: number;
}

export class FigureLog {
  readonly records: FigureRecord[] = [];
  /** The directive being built: set by the slot that builds it, read by every record. */
  at: ReportPlace | undefined;

  constructor(readonly file: string) {}

  /** Records the figure `shown` prints and gives `shown` back, for use in an expression. */
  add<T extends ElementContent | readonly ElementContent[]>(facts: FigureFacts, shown: T): T {
    const at = this.at;
    if (!at) return shown;
    const text = printedText(shown);
    if (text === '') return shown;
    this.records.push({
      indicator: facts.indicator,
      period: facts.period,
      kind: facts.kind,
      ...(facts.comparator !== undefined ? { comparator: facts.comparator } : {}),
      ...(facts.category !== undefined ? { category: facts.category } : {}),
      text,
      // A suppressed figure never carries its number, whatever a builder passed.
      value: facts.suppressed || !Number.isFinite(facts.value) ? null : facts.value,
      ...(facts.suppressed ? {} : facts.counts),
      ...(facts.state !== undefined && !facts.suppressed ? { state: facts.state } : {}),
      suppressed: facts.suppressed,
      source: facts.source ? { file: facts.source.file, line: facts.source.line } : null,
      place: { file: this.file, line: at.line, column: at.column },
    });
    return shown;
  }
}

/**
 * What a reader sees of some hast: its text, without words only assistive technology
 * gets (`sc-vh`), with no-break spaces read as the spaces they print as, and runs of
 * white space as one.
 */
export function printedText(shown: ElementContent | readonly ElementContent[]): string {
  const parts: string[] = [];
  const walk = (node: ElementContent): void => {
    if (node.type === 'text') parts.push(node.value);
    else if (node.type === 'element') {
      const className = node.properties['className'];
      if (Array.isArray(className) && className.includes('sc-vh')) return;
      for (const child of node.children) walk(child);
    }
  };
  for (const node of Array.isArray(shown) ? (shown as readonly ElementContent[]) : [shown])
    walk(node as ElementContent);
  return normalisePrinted(parts.join(''));
}

/** Text as compared with a page's: no-break spaces as spaces, white space collapsed. */
export function normalisePrinted(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
