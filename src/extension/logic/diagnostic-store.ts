import type { Message } from '../../engine/index.js';

/**
 * Keeps each report's messages and answers which messages every file should show. A data
 * file can be used by several open reports: its problems are the union of what each of
 * them found, and closing one report must not clear what another still reports.
 */
export class DiagnosticStore {
  private readonly byReport = new Map<string, readonly Message[]>();

  /** Replaces a report's messages; returns every file whose diagnostics changed. */
  update(report: string, messages: readonly Message[]): Map<string, Message[]> {
    const before = this.filesOf(report);
    this.byReport.set(report, messages);
    return this.collect(new Set([...before, ...this.filesOf(report), report]));
  }

  /** Forgets a report; returns the files to refresh (possibly now empty). */
  remove(report: string): Map<string, Message[]> {
    const before = this.filesOf(report);
    this.byReport.delete(report);
    return this.collect(new Set([...before, report]));
  }

  /** How many messages a report's check found, in every file. */
  count(report: string): number {
    return this.byReport.get(report)?.length ?? 0;
  }

  reports(): string[] {
    return [...this.byReport.keys()];
  }

  private filesOf(report: string): Set<string> {
    return new Set((this.byReport.get(report) ?? []).map((m) => m.file));
  }

  private collect(files: ReadonlySet<string>): Map<string, Message[]> {
    const result = new Map<string, Message[]>();
    for (const file of files) {
      const seen = new Set<string>();
      const list: Message[] = [];
      for (const messages of this.byReport.values()) {
        for (const message of messages) {
          if (message.file !== file) continue;
          const key = `${message.line}:${message.column}:${message.ruleId}:${message.reason}`;
          if (seen.has(key)) continue;
          seen.add(key);
          list.push(message);
        }
      }
      result.set(file, list);
    }
    return result;
  }
}

/** 0-based range of a message; without an end, the run of non-space characters it starts. */
export function messageRange(
  message: Message,
  lineText?: string,
): { startLine: number; startCharacter: number; endLine: number; endCharacter: number } {
  const startLine = Math.max(0, message.line - 1);
  const startCharacter = Math.max(0, message.column - 1);
  if (message.endLine !== undefined && message.endColumn !== undefined) {
    return {
      startLine,
      startCharacter,
      endLine: Math.max(startLine, message.endLine - 1),
      endCharacter: Math.max(0, message.endColumn - 1),
    };
  }
  const run = lineText === undefined ? undefined : /^\S+/.exec(lineText.slice(startCharacter));
  return {
    startLine,
    startCharacter,
    endLine: startLine,
    endCharacter: startCharacter + (run ? run[0].length : 1),
  };
}
