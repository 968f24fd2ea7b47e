import type { Message, Severity, SourcePlace } from './types.js';

/**
 * Stable rule ids. They are the `code` of VS Code diagnostics and the last word of a
 * CLI line, so they never change once published.
 */
export const RULES = {
  unknownIndicator: 'unknown-indicator',
  unknownDirective: 'unknown-directive',
  unknownAttribute: 'unknown-attribute',
  missingAttribute: 'missing-attribute',
  attributeSyntax: 'attribute-syntax',
  unknownPeriod: 'unknown-period',
  noValue: 'no-value',
  noTarget: 'no-target',
  noBenchmark: 'no-benchmark',
  staleValue: 'stale-value',
  dataInvalid: 'data-invalid',
  dataMissing: 'data-missing',
  pathNotAllowed: 'path-not-allowed',
  numeratorMismatch: 'numerator-mismatch',
  smallNumber: 'small-number',
  exemptInPublic: 'exempt-in-public',
  unknownArea: 'unknown-area',
  frontMatterInvalid: 'front-matter-invalid',
  inputTooLarge: 'input-too-large',
  encoding: 'encoding',
  unmatchedFence: 'unmatched-fence',
  publicGate: 'public-gate',
  dfeFallback: 'dfe-fallback',
  noRank: 'no-rank',
  unknownCategory: 'unknown-category',
  chartUnitsDiffer: 'chart-units-differ',
  narrativeClaim: 'narrative-claim',
} as const;

export type RuleId = (typeof RULES)[keyof typeof RULES];

/** Default severity of each rule; a face may not change it, only display it. */
export const RULE_SEVERITY: Readonly<Record<RuleId, Severity>> = {
  'unknown-indicator': 'error',
  'unknown-directive': 'error',
  'unknown-attribute': 'warning',
  'missing-attribute': 'error',
  'attribute-syntax': 'error',
  'unknown-period': 'error',
  'no-value': 'warning',
  'no-target': 'warning',
  'no-benchmark': 'warning',
  'stale-value': 'warning',
  'data-invalid': 'error',
  'data-missing': 'error',
  'path-not-allowed': 'error',
  'numerator-mismatch': 'warning',
  'small-number': 'warning',
  'exempt-in-public': 'error',
  'unknown-area': 'error',
  'front-matter-invalid': 'error',
  'input-too-large': 'error',
  encoding: 'error',
  'unmatched-fence': 'error',
  'public-gate': 'error',
  'dfe-fallback': 'info',
  'no-rank': 'warning',
  'unknown-category': 'error',
  'chart-units-differ': 'error',
  'narrative-claim': 'warning',
};

export interface MessageOptions {
  readonly severity?: Severity;
  readonly end?: { readonly line: number; readonly column: number };
  readonly suggestions?: readonly string[];
}

/** Builds a positioned message; every problem in the engine goes through here. */
export function createMessage(
  ruleId: RuleId,
  reason: string,
  place: SourcePlace,
  options: MessageOptions = {},
): Message {
  return {
    ruleId,
    severity: options.severity ?? RULE_SEVERITY[ruleId],
    reason,
    file: place.file,
    line: place.line,
    column: place.column,
    ...(options.end ? { endLine: options.end.line, endColumn: options.end.column } : {}),
    ...(options.suggestions && options.suggestions.length > 0
      ? { suggestions: options.suggestions }
      : {}),
  };
}

/** Orders messages by file, then position, so every face lists them the same way. */
export function sortMessages(messages: readonly Message[]): Message[] {
  return [...messages].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

/** `report.md:12:5 error Unknown indicator OP418, did you mean OP419? unknown-indicator` */
export function formatMessageLine(message: Message, displayPath: string): string {
  return `${displayPath}:${message.line}:${message.column} ${message.severity} ${message.reason} ${message.ruleId}`;
}
