import { relative } from 'node:path';
import { formatMessageLine, type Message } from '../engine/index.js';

/** Paths as the user typed them relative to where they stand, like compilers print them. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel === '' || rel.startsWith('..') ? file : rel;
}

export function messageLines(messages: readonly Message[], cwd?: string): string[] {
  return messages.map((message) => formatMessageLine(message, displayPath(message.file, cwd)));
}

export function messagesJson(messages: readonly Message[], cwd?: string): object[] {
  return messages.map((message) => ({
    file: displayPath(message.file, cwd),
    line: message.line,
    column: message.column,
    ...(message.endLine !== undefined
      ? { endLine: message.endLine, endColumn: message.endColumn }
      : {}),
    severity: message.severity,
    ruleId: message.ruleId,
    message: message.reason,
    ...(message.suggestions ? { suggestions: message.suggestions } : {}),
  }));
}

export function summary(messages: readonly Message[]): string {
  const errors = messages.filter((m) => m.severity === 'error').length;
  const warnings = messages.filter((m) => m.severity === 'warning').length;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
