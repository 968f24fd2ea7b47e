import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import {
  chromiumPath,
  chromiumProblem,
  launchChromium,
  type ChromiumSession,
} from '../../src/cli/pdf.js';

/**
 * Starts Chromium for a browser test suite, or fails the suite with how to get it.
 * SCORECARD_SKIP_BROWSER=1 skips instead, for machines that cannot have a browser; the
 * gate (.ci/run) never sets it.
 */
export async function startBrowser(
  context: Mocha.Context,
  options: { readonly bypassCSP?: boolean } = {},
): Promise<ChromiumSession> {
  const problem = await chromiumProblem(chromiumPath());
  if (problem) {
    if (process.env['SCORECARD_SKIP_BROWSER'] === '1') context.skip();
    throw new Error(`${problem} (apt-get install -y chromium poppler-utils)`);
  }
  return launchChromium(chromiumPath(), options);
}

export interface LoadedDocument {
  readonly page: Page;
  /** Every URL the page asked for besides the document itself. */
  readonly requests: readonly string[];
  /** Removes the temporary file. */
  dispose(): Promise<void>;
}

/**
 * Opens a document the way a reader does, from a file on disk (not setContent, which
 * would hide what a file: origin can reach), and records every request it makes.
 */
export async function openDocument(
  session: ChromiumSession,
  html: string,
): Promise<LoadedDocument> {
  const folder = await mkdtemp(join(tmpdir(), 'scorecard-doc-'));
  const file = join(folder, 'report.html');
  await writeFile(file, html);
  const url = pathToFileURL(file).href;
  const page = await session.context.newPage();
  const requests: string[] = [];
  // Routing sees what would reach the network: a request the CSP stopped in the page
  // never gets here (the 'request' event, by contrast, also reports those).
  await page.route('**/*', async (route) => {
    const asked = route.request().url();
    if (asked === url) return route.continue();
    requests.push(asked);
    return route.abort();
  });
  page.on('requestfailed', (request) => {
    const asked = request.url();
    const reason = request.failure()?.errorText ?? '';
    if (asked !== url && !requests.includes(asked) && !/csp|blocked/i.test(reason))
      requests.push(`${asked} (${reason})`);
  });
  await page.goto(url, { waitUntil: 'load' });
  return {
    page,
    requests,
    async dispose() {
      await page.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
