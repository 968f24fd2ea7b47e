// The suite's side of the file hand-offs described in ../protocol.ts.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import {
  CONFIG_FILE,
  EXCHANGE_DIR,
  REQUEST_PREFIX,
  RESPONSE_PREFIX,
  type E2EConfig,
  type HarnessRequestFile,
  type HarnessResponse,
  type Marker,
  type MarkerName,
} from '../protocol.js';
import { waitFor } from '../wait.js';

/** The folder VS Code opened; the harness always opens exactly one. */
export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('No workspace folder is open');
  return folder.uri.fsPath;
}

export function exchangePath(name: string): string {
  return join(workspaceRoot(), EXCHANGE_DIR, name);
}

export async function readConfig(): Promise<E2EConfig> {
  return JSON.parse(await readFile(exchangePath(CONFIG_FILE), 'utf8')) as E2EConfig;
}

export async function writeMarker(name: MarkerName, marker: Marker): Promise<void> {
  await mkdir(join(workspaceRoot(), EXCHANGE_DIR), { recursive: true });
  await writeFile(exchangePath(name), JSON.stringify(marker));
}

/** Waits for the harness to answer; its `ok: false` or silence fails the test. */
export async function awaitMarker(name: MarkerName, timeoutMs: number): Promise<Marker> {
  const marker = await waitFor(
    async () => {
      try {
        return JSON.parse(await readFile(exchangePath(name), 'utf8')) as Marker;
      } catch {
        return undefined;
      }
    },
    timeoutMs,
    `the harness to write ${name}`,
  );
  if (!marker.ok) throw new Error(`Harness reported: ${marker.detail ?? 'failure'}`);
  return marker;
}

export async function removeExchangeFile(name: string): Promise<void> {
  await rm(exchangePath(name), { force: true });
}

let requests = 0;

/**
 * Asks the harness about the preview webview (see HarnessRequest) and waits for its
 * answer; an `ok: false` answer, or none, fails the test.
 */
export async function ask(request: HarnessRequestFile): Promise<HarnessResponse> {
  requests += 1;
  const id = `${String(requests).padStart(3, '0')}-${request.kind}.json`;
  await mkdir(join(workspaceRoot(), EXCHANGE_DIR), { recursive: true });
  // Written whole under another name first: the harness must never read half a request.
  const path = exchangePath(`${REQUEST_PREFIX}${id}`);
  await writeFile(`${path}.tmp`, JSON.stringify(request));
  await rename(`${path}.tmp`, path);
  const response = await waitFor(
    async () => {
      try {
        return JSON.parse(
          await readFile(exchangePath(`${RESPONSE_PREFIX}${id}`), 'utf8'),
        ) as HarnessResponse;
      } catch {
        return undefined;
      }
    },
    // The harness polls the webview for timeoutMs; answering and polling take a little more.
    request.timeoutMs + 30_000,
    `the harness to answer "${request.title}"`,
  );
  if (!response.ok) throw new Error(`Harness: ${request.title}: ${response.detail ?? 'failed'}`);
  return response;
}
