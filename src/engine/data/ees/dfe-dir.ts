import { isAbsolute, resolve } from 'node:path';

/**
 * The DfE published-statistics folder is the host's (see host.ts): where `dfe:NAME.csv`
 * is read from, and where a `dfe/NAME.csv` that is not beside its data file falls back
 * to. The faces set it from `--dfe-dir`, `scorecard.dfeDataFolder` or SCORECARD_DFE_DIR.
 */

/** `dfe/x.csv` beside the data file, else (with a hint) in the DfE folder. */
export const DFE_PREFIX = 'dfe/';

/** `dfe:x.csv` names a file in the DfE folder, whatever is beside the data file. */
export const DFE_SCHEME = 'dfe:';

/** Where to set the folder, for messages a user reads. */
export const DFE_DIR_HOW =
  'the scorecard.dfeDataFolder setting in VS Code, --dfe-dir on the command line, or the SCORECARD_DFE_DIR environment variable';

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
 * `dfe:x.csv` and `dfe/x.csv` both become `<DfE folder>/x.csv`. Undefined for any other
 * path, and when no folder is set.
 */
export function resolveDfePath(p: string, dfeDirectory: string | undefined): string | undefined {
  const text = p.trim().replace(/\\/g, '/');
  const rest = isDfeSchemePath(text)
    ? text.slice(DFE_SCHEME.length)
    : isDfePath(text)
      ? text.slice(DFE_PREFIX.length)
      : undefined;
  if (rest === undefined || dfeDirectory === undefined) return undefined;
  return resolve(dfeDirectory, ...rest.split('/').filter((part) => part !== ''));
}
