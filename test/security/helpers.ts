import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Message, RenderResult } from '../../src/engine/index.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const SAMPLES = join(REPO, 'samples');
export const CORPUS = fileURLToPath(new URL('./corpus/', import.meta.url));
export const DFE_DIR =
  process.env['SCORECARD_DFE_DIR'] ?? join(REPO, '..', 'shared', 'data', 'dfe');

/** A throwaway folder holding a copy of `from` (or nothing); removed by `dispose`. */
export async function scratch(from?: string): Promise<{ dir: string; dispose(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'scorecard-security-'));
  if (from !== undefined) await cp(from, dir, { recursive: true });
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** What every render of any input must look like: a document, and messages that are data. */
export function assertWellFormed(result: RenderResult): void {
  if (!result.html.startsWith('<!doctype html>') && !result.html.startsWith('<!DOCTYPE html>'))
    throw new Error(`not a document: ${result.html.slice(0, 80)}`);
  for (const message of result.messages) assertMessage(message);
}

export function assertMessage(message: Message): void {
  if (typeof message.ruleId !== 'string' || message.ruleId === '')
    throw new Error(`message without a rule id: ${JSON.stringify(message)}`);
  if (!Number.isInteger(message.line) || message.line < 1)
    throw new Error(`message without a line: ${JSON.stringify(message)}`);
  if (/\n\s+at .+:\d+:\d+/.test(message.reason))
    throw new Error(`a stack trace reached the author: ${message.reason}`);
}
