import { GENERATOR_NAME, VERSION } from '../engine/index.js';
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { notRegularFile } from './safe-write.js';

/** Debian's package; CHROMIUM_PATH points elsewhere (another distribution, a CI image). */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * A quiet, offline browser: no sandbox (containers and CI run as root), no GPU, and none
 * of the background traffic (updates, sync, QUIC probes) a fresh profile would start.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type PdfOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export interface ChromiumSession {
  readonly context: BrowserContext;
  /** Closes the browser and removes its throwaway profile. */
  close(): Promise<void>;
}

/** The Chromium to use: the option, then CHROMIUM_PATH, then Debian's. */
export function chromiumPath(explicit?: string): string {
  return explicit ?? process.env['CHROMIUM_PATH'] ?? DEFAULT_CHROMIUM_PATH;
}

/** Why Chromium cannot be used at `path`, or undefined when it can. */
export async function chromiumProblem(path: string): Promise<string | undefined> {
  try {
    await access(path, constants.X_OK);
    return undefined;
  } catch {
    return `Chromium not found at ${path}; install Debian's chromium or set CHROMIUM_PATH`;
  }
}

/**
 * Starts headless Chromium with a new, empty profile in a temporary folder, so no user
 * setting, extension or cache can change what is printed, and two runs never share state.
 */
export async function launchChromium(
  path: string = chromiumPath(),
  options: { readonly bypassCSP?: boolean; readonly userAgent?: string } = {},
): Promise<ChromiumSession> {
  const profile = await mkdtemp(join(tmpdir(), 'scorecard-chromium-'));
  try {
    // Loaded here, not at the top: every CLI run would otherwise pay for the browser driver.
    const { chromium } = await import('playwright-core');
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: path,
      headless: true,
      // A browser-level flag: the PDF's Creator comes from it, not from a context override.
      args: [...CHROMIUM_ARGS, ...(options.userAgent ? [`--user-agent=${options.userAgent}`] : [])],
      offline: true,
      // Only tests set it, to inject axe-core into a page whose CSP forbids all script.
      bypassCSP: options.bypassCSP ?? false,
    });
    return {
      context,
      async close() {
        await context.close().catch(() => undefined);
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Prints an exported document to an A4 PDF through headless Chromium, using the
 * document's own print CSS (page size, margins, running header). The PDF goes to a
 * temporary file beside `outFile` and is renamed into place, so a failure never leaves
 * half a PDF where the last good one was.
 */
export async function exportPdf(
  html: string,
  outFile: string,
  options: { readonly chromiumPath?: string } = {},
): Promise<PdfOutcome> {
  const path = chromiumPath(options.chromiumPath);
  const problem = await chromiumProblem(path);
  if (problem) return { ok: false, reason: problem };

  let session: ChromiumSession;
  try {
    // Chromium writes the user agent as the PDF's Creator: that is how a later export
    // recognises a PDF it wrote and may replace (see isOwnedOrAbsent).
    session = await launchChromium(path, { userAgent: PDF_CREATOR });
  } catch (error) {
    return { ok: false, reason: `Chromium at ${path} could not start: ${firstLine(error)}` };
  }
  const target = resolve(outFile);
  const temporary = join(
    dirname(target),
    `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const page = await session.context.newPage();
    // The document is self-contained; anything it asked for would be a leak, so refuse it.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    await writeFile(temporary, pdf, { flag: 'wx' });
    const notAFile = await notRegularFile(outFile);
    if (notAFile) {
      await rm(temporary, { force: true }).catch(() => undefined);
      return { ok: false, reason: notAFile };
    }
    await rename(temporary, target);
    return { ok: true };
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    return { ok: false, reason: `Could not write the PDF ${outFile}: ${firstLine(error)}` };
  } finally {
    await session.close();
  }
}

/** The PDF Creator of every PDF this tool writes. */
export const PDF_CREATOR = `${GENERATOR_NAME} ${VERSION}`;

/** Playwright errors carry a long call log; the first line says what went wrong. */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
