import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The DfE published-statistics folder: where `dfe:NAME.csv` is read from, and where a
 * `dfe/NAME.csv` that is not beside its data file falls back to. In order: an explicit
 * setting (CLI `--dfe-dir`, VS Code `scorecard.dfeDataFolder`), the environment variable
 * SCORECARD_DFE_DIR, then, in a checkout of this repository only, `<repo>/../shared/data/dfe`.
 * An installed extension has no repository, so without a setting there is no folder.
 */
export const DFE_DIR_ENV = 'SCORECARD_DFE_DIR';

/** `dfe/x.csv` beside the data file, else (with a hint) in the DfE folder. */
export const DFE_PREFIX = 'dfe/';

/** `dfe:x.csv` names a file in the DfE folder, whatever is beside the data file. */
export const DFE_SCHEME = 'dfe:';

/** Where to set the folder, for messages a user reads. */
export const DFE_DIR_HOW =
  'the scorecard.dfeDataFolder setting in VS Code, --dfe-dir on the command line, or the SCORECARD_DFE_DIR environment variable';

const PACKAGE_NAME = 'scorecard-md';

/** The folder the DfE files are read from, given the explicit setting if any; undefined when none is set. */
export function dfeDir(setting?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = setting?.trim() || env[DFE_DIR_ENV]?.trim();
  if (chosen) return resolve(chosen);
  return defaultDfeDir();
}

/**
 * `<repo>/../shared/data/dfe`, the repo being the nearest folder above this module
 * whose package.json is this project's (true both for the sources and the bundles);
 * outside the repo (an installed extension) there is no default.
 */
export function defaultDfeDir(): string | undefined {
  const root = projectRoot();
  return root === undefined ? undefined : resolve(root, '..', 'shared', 'data', 'dfe');
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

/** True for a path written `dfe:x.csv`: a file of the DfE folder. */
export function isDfeSchemePath(p: string): boolean {
  return p.trim().toLowerCase().startsWith(DFE_SCHEME);
}

/**
 * Where a path written in a data file's `ees:` or `neighbours:` lies in the DfE folder:
 * `dfe:x.csv` and `dfe/x.csv` both become `<DfE folder>/x.csv` (`dfeDirectory` as
 * given, else the default chain above). Undefined for any other path, and when no
 * folder is set.
 */
export function resolveDfePath(p: string, dfeDirectory: string | undefined): string | undefined {
  const text = p.trim().replace(/\\/g, '/');
  const rest = isDfeSchemePath(text)
    ? text.slice(DFE_SCHEME.length)
    : isDfePath(text)
      ? text.slice(DFE_PREFIX.length)
      : undefined;
  const folder = dfeDirectory ?? dfeDir();
  if (rest === undefined || folder === undefined) return undefined;
  return resolve(folder, ...rest.split('/').filter((part) => part !== ''));
}
