/**
 * What the engine's public entry (`scorecard-md/engine`, src/engine/index.ts) offers
 * besides `createEngine`: the hosts, message helpers, and the formatters and lookups the
 * editor's hover and completion use, so that they quote exactly what a report prints.
 * The CLI and the extension import only the entry (eslint.config.js keeps it so).
 */
export type { EngineHost, HostFiles, HostStat } from './host.js';
export { realDfeFolder } from './host.js';
export { createNodeHost, parseChartWorkers, type NodeHostOptions } from './node-host.js';
export { createMemoryHost, type MemoryHost, type MemoryHostOptions } from './memory-host.js';
export { VERSION } from './version.js';
export { firstDataLine } from './preview-blocks.js';
export { GENERATOR_NAME, readGenerator } from './html/document.js';
export { createMessage, type MessageOptions, type RuleId } from './messages.js';
export {
  DIRECTIVES,
  SCORECARD_STATUSES,
  directiveSpec,
  type AttributeSpec,
  type DirectiveKind,
  type DirectiveSpec,
} from './directives/registry.js';
export { findIndicator } from './directives/lookup.js';
export { indicatorFacts, type Compare } from './facts.js';
export { comparePeriods, parsePeriod, periodShortLabel } from './periods.js';
export {
  formatAmount,
  formatDifference,
  formatObservation,
  latestObservation,
} from './semantics/index.js';
export { ordinal, quartileWords, rankAmong, rankComparators } from './semantics/rank.js';
