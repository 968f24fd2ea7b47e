import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The DfE published-statistics folder: the one setting through which the samples and
 * tests find the real DfE files (which the project does not ship). In order:
 * an explicit setting (CLI `--dfe-dir`, VS Code `scorecard.dfeDir`), the environment
 * variable SCORECARD_DFE_DIR, then `<repo>/../shared/data/dfe`.
 */
export const DFE_DIR_ENV = 'SCORECARD_DFE_DIR';

/** Paths in `ees:` / `neighbours:` starting with this resolve against the DfE folder. */
export const DFE_PREFIX = 'dfe/';

const PACKAGE_NAME = 'scorecard-md';

/** The folder the DfE files are read from, given the explicit setting if any. */
export function dfeDir(setting?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = setting?.trim() || env[DFE_DIR_ENV]?.trim();
  if (chosen) return resolve(chosen);
  return defaultDfeDir();
}

/**
 * `<repo>/../shared/data/dfe`, the repo being the nearest folder above this module
 * whose package.json is this project's (true both for the sources and the bundles);
 * outside the repo (an installed extension) the current folder stands in for it.
 */
export function defaultDfeDir(): string {
  const root = projectRoot() ?? process.cwd();
  return resolve(root, '..', 'shared', 'data', 'dfe');
}

function projectRoot(): string | undefined {
  // In the CommonJS extension bundle import.meta is empty; there is no repo to find.
  const url: unknown = import.meta.url;
  if (typeof url !== 'string' || !url.startsWith('file:')) return undefined;
  let folder = dirname(fileURLToPath(url));
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && isProjectManifest(manifest)) return folder;
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

function isProjectManifest(file: string): boolean {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return (
      typeof parsed === 'object' &&
      parsed !== null &&
      (parsed as { name?: unknown }).name === PACKAGE_NAME
    );
  } catch {
    return false;
  }
}

/** True for a path written `dfe/...` (also `dfe\...` on Windows-minded authors' files). */
export function isDfePath(p: string): boolean {
  const text = p.trim().replace(/\\/g, '/');
  return text.startsWith(DFE_PREFIX) && !isAbsolute(text);
}

/**
 * Resolves a path written in a data file's `ees:` or `neighbours:`: `dfe/x.csv` becomes
 * `<DfE folder>/x.csv` (`dfeDir` as given, else the default chain above); any other
 * path gives undefined and is resolved by the caller relative to the data file.
 */
export function resolveDfePath(p: string, dfeDirectory: string | undefined): string | undefined {
  if (!isDfePath(p)) return undefined;
  const rest = p.trim().replace(/\\/g, '/').slice(DFE_PREFIX.length);
  return resolve(dfeDirectory ?? dfeDir(), ...rest.split('/').filter((part) => part !== ''));
}
