// The value semantics the directives, charts and exports share: one place for each judgement.
export { roundHalfUp } from './round.js';
export {
  countingUnitFor,
  formatAmount,
  formatAmountWithUnit,
  formatDifference,
  formatNumber,
  formatObservation,
  unitIsAmbiguous,
} from './format.js';
export { symbolLegend, symbolWords } from './symbols.js';
export type { SymbolLegendEntry, SymbolWordsOptions } from './symbols.js';
export { assessRag } from './rag.js';
export type { RagResult, RagStatus } from './rag.js';
export { describeChange } from './change.js';
export type { ChangeDirection, ChangeJudgement, ChangeResult, CompareWith } from './change.js';
export {
  benchmarkFor,
  benchmarksFor,
  latestObservation,
  observationFor,
  previousObservation,
  targetFor,
} from './select.js';
export { applyDisclosureControl, isSmallPrinted, suppressedObservation } from './disclosure.js';
export type { DisclosureResult, SuppressedPart } from './disclosure.js';
