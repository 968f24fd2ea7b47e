/**
 * DfE published statistics (Explore Education Statistics tidy CSV): an authority's
 * values and its England, region and statistical-neighbour benchmarks.
 */
export { importEesSeries, ENGLAND, STATISTICAL_NEIGHBOURS } from './import-series.js';
export { EesTableCache, sharedEesTableCache, type CsvReadResult } from './table-cache.js';
export { readCell, type CellReading } from './cell-value.js';
export {
  DFE_DIR_ENV,
  DFE_PREFIX,
  defaultDfeDir,
  dfeDir,
  isDfePath,
  resolveDfePath,
} from './dfe-dir.js';
export { indexEesTable, type EesIndex } from './ees-index.js';
export type * from './types.js';
