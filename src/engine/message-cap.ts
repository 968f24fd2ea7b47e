import { RULES, createMessage } from './messages.js';
import type { Message, Severity } from './types.js';

/**
 * Messages shown per file. A report wrong on every line (a pasted export, a renamed
 * data file) would otherwise give thousands of lines in the terminal and the Problems
 * panel, and the first ones are the ones to fix.
 */
export const MAX_MESSAGES_PER_FILE = 200;

/** Characters of one message's text: a message quotes what it is about, never a whole file. */
export const MAX_REASON_CHARS = 1000;

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/**
 * Keeps, per file, the MAX_MESSAGES_PER_FILE most severe messages (errors first, then in
 * the order given) and ends the file's list with one saying how many more there are.
 * A file with one message over the cap keeps it: "and 1 more" would hide nothing. The
 * data loader's own per-file summary (200 messages and one "more") is kept whole so.
 */
export function capMessages(messages: readonly Message[]): Message[] {
  const byFile = new Map<string, Message[]>();
  for (const message of messages) {
    const list = byFile.get(message.file);
    if (list) list.push(message);
    else byFile.set(message.file, [message]);
  }
  if ([...byFile.values()].every((list) => list.length <= MAX_MESSAGES_PER_FILE + 1)) {
    return messages.map(boundReason);
  }
  const kept = new Set<Message>();
  const summaries: Message[] = [];
  for (const [file, list] of byFile) {
    if (list.length <= MAX_MESSAGES_PER_FILE + 1) {
      for (const message of list) kept.add(message);
      continue;
    }
    const ranked = list
      .map((message, index) => ({ message, index }))
      .sort((a, b) => RANK[a.message.severity] - RANK[b.message.severity] || a.index - b.index);
    for (const { message } of ranked.slice(0, MAX_MESSAGES_PER_FILE)) kept.add(message);
    const dropped = ranked.slice(MAX_MESSAGES_PER_FILE).map(({ message }) => message);
    const first = dropped[0];
    summaries.push(
      createMessage(
        RULES.inputTooLarge,
        `…and ${dropped.length} more problems in this file (${list.length} in all) are not listed; fix these first and check again`,
        { file, line: first?.line ?? 1, column: first?.column ?? 1 },
        { severity: dropped.some((message) => message.severity === 'error') ? 'error' : 'warning' },
      ),
    );
  }
  return [...messages.filter((message) => kept.has(message)), ...summaries].map(boundReason);
}

function boundReason(message: Message): Message {
  if (message.reason.length <= MAX_REASON_CHARS) return message;
  const omitted = message.reason.length - MAX_REASON_CHARS;
  return {
    ...message,
    reason: `${message.reason.slice(0, MAX_REASON_CHARS)}… (${omitted} more characters)`,
  };
}
