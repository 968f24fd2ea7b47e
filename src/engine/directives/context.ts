import type { RenderMode } from '../api.js';
import type { ChartRenderer } from '../charts/render-svg.js';
import type { RuleId, MessageOptions } from '../messages.js';
import type { Slots } from '../html/slots.js';
import type { Decisions, ShownFigure } from '../disclose/figures.js';
import type { FigureLog } from '../figures/figure-log.js';
import type {
  BenchmarkValue,
  Catalogue,
  Message,
  Observation,
  Period,
  StatSymbol,
} from '../types.js';

/** Everything a directive needs to resolve; one per render. */
export interface ResolveContext {
  readonly file: string;
  readonly catalogue: Catalogue;
  /** The front matter's period, when it is given and valid. */
  readonly reportPeriod: Period | undefined;
  readonly mode: RenderMode;
  readonly slots: Slots;
  /** Symbols shown anywhere, for the document's legend. */
  readonly symbolsUsed: Set<StatSymbol>;
  /** Public export: publish despite small numbers (they are still suppressed and marked). */
  readonly allowSmallNumbers: boolean;
  /** Every figure the directives show, for the disclose stage (filled while resolving). */
  readonly figures: ShownFigure[];
  /** The disclose stage's decisions; set after resolving, before anything is built. */
  decisions: Decisions;
  /** Work that needs the decisions (drawing charts), started once they are made. */
  readonly afterDisclose: Array<() => void>;
  /** The suppressed versions, so figures can be marked as suppressed for publication. */
  readonly suppressedShown: Set<Observation | BenchmarkValue>;
  /**
   * Names an element by the indicators it shows (see html/element-ids.ts); the name is
   * unique in the document once assembled.
   */
  nextId(prefix: string, keys?: readonly string[]): string;
  /** Async work (chart rendering) the transform waits for before serializing. */
  readonly pending: Promise<unknown>[];
  /** False for `check`: messages only, no chart is rendered. */
  readonly withCharts: boolean;
  /** The engine's chart renderer (its cache and worker pool). */
  readonly charts: ChartRenderer;
  /** The figures printed, recorded as slots are built; absent where nothing is printed. */
  readonly figureLog?: FigureLog | undefined;
  report(ruleId: RuleId, reason: string, at: Place, options?: MessageOptions): void;
  readonly messages: Message[];
}

/** A position in the report (1-based). */
export interface Place {
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}
