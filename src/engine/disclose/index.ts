// The disclose stage of the render core: figures in, decisions and messages out.
export { cannotBeSuppressed, discloseFigures } from './decide.js';
export type { DiscloseInput } from './decide.js';
export { reportDisclosure } from './messages.js';
export type { DisclosureMessageOptions } from './messages.js';
export { NO_DECISIONS, benchmarkKey, figureKey, observationKey, suppressionOf } from './figures.js';
export type { Decisions, ShownFigure } from './figures.js';
