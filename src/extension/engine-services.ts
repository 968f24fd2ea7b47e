/**
 * Everything heavy the extension needs, behind one module that is only imported on
 * first use (see services.ts): the engine with unified, vega and the data readers, and
 * the text builders that use its formatters. esbuild keeps this module's code in the
 * bundle but does not evaluate it until the dynamic import runs.
 */
export { createEngine, createNodeHost, readDocxGenerator, renderDocx } from '../engine/index.js';
export {
  DOCUMENT_CSS,
  diffFigures,
  diffReportBody,
  diffSummary,
  isExemptExport,
  readFigures,
} from '../engine/index.js';
export {
  findIndicator,
  hoverMarkdown,
  latestText,
  periodKeys,
  placeText,
  tagNames,
  categoryNames,
  escapeMarkdown,
} from './logic/indicator-text.js';
