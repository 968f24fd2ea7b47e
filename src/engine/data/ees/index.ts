/**
 * DfE published statistics (Explore Education Statistics tidy CSV): an authority's
 * values and its England, region and statistical-neighbour benchmarks.
 */
export { importEesSeries, ENGLAND, STATISTICAL_NEIGHBOURS } from './import-series.js';
export { EesTableCache, type CsvReadResult } from './table-cache.js';
export { readCell, type CellReading } from './cell-value.js';
export {
  DFE_DIR_HOW,
  DFE_PREFIX,
  DFE_SCHEME,
  isDfePath,
  isDfeSchemePath,
  resolveDfePath,
} from './dfe-dir.js';
export { indexEesTable, type EesIndex } from './ees-index.js';
export type * from './types.js';
