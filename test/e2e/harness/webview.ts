// Looking inside VS Code's webviews: they are nested iframes the extension host cannot
// see into, but Playwright reaches every frame of the page.
import type { Frame, Page } from 'playwright-core';
import { waitFor } from '../wait.js';
import { normalizeText } from './expectations.js';

async function frameText(frame: Frame): Promise<string> {
  try {
    // A string, not a function: the project compiles without the DOM library.
    const text: unknown = await frame.evaluate('document.body ? document.body.textContent : ""');
    return normalizeText(typeof text === 'string' ? text : '');
  } catch {
    // Frames come and go while the workbench lays out; a detached one has no text.
    return '';
  }
}

/** Frames that belong to webviews, innermost content first. */
export function webviewFrames(page: Page): Frame[] {
  return page.frames().filter((frame) => frame !== page.mainFrame());
}

/**
 * Waits until one frame's text holds every needle (and none of `absent`). Returns that
 * frame; on timeout, throws with what the frames did show, for the report.
 */
export async function waitForFrameText(
  page: Page,
  needles: readonly string[],
  absent: readonly string[],
  timeoutMs: number,
): Promise<Frame> {
  let seen: string[] = [];
  try {
    return await waitFor(
      async () => {
        seen = [];
        for (const frame of webviewFrames(page)) {
          const text = await frameText(frame);
          if (text) seen.push(text);
          if (needles.every((n) => text.includes(n)) && !absent.some((a) => text.includes(a)))
            return frame;
        }
        return undefined;
      },
      timeoutMs,
      `a webview showing ${needles.map((n) => JSON.stringify(n)).join(', ')}`,
    );
  } catch (error) {
    const shown =
      seen.map((text) => `  [frame] ${text.slice(0, 600)}`).join('\n') || '  (no frame had text)';
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${shown}`, {
      cause: error,
    });
  }
}

/** The text of every webview frame that has any, for a failure's report. */
export async function webviewTexts(page: Page): Promise<string[]> {
  const texts: string[] = [];
  for (const frame of webviewFrames(page)) {
    const text = await frameText(frame);
    if (text) texts.push(text);
  }
  return texts;
}

/** Every webview frame whose text holds all the needles (at the time of asking). */
export async function framesWithText(page: Page, needles: readonly string[]): Promise<Frame[]> {
  const found: Frame[] = [];
  for (const frame of webviewFrames(page)) {
    const text = await frameText(frame);
    if (needles.every((n) => text.includes(n))) found.push(frame);
  }
  return found;
}
