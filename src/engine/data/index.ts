/**
 * Loading the indicator data a report names: YAML/JSON data files validated by the
 * shipped JSON Schema, CSV values/targets/benchmarks, EES sources, merged into a Catalogue.
 */
export { loadCatalogue, type DataPath, type LoadOptions } from './load-catalogue.js';
export { DataCache } from './cache.js';
export {
  resolveDataPath,
  isAllowed,
  type DataAccessPolicy,
  type ResolvedPath,
} from './file-access.js';
export { DEFAULT_MAX_FILE_BYTES } from './read-data-file.js';
export { dataSchema, validateData } from './validate-data.js';
export { parseStructured, type StructuredFile } from './read-structured.js';
export { readCsv } from './read-csv.js';
export type { EesImporter } from './ees-sources.js';
