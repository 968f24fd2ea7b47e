import path from 'node:path';
import { realFolder, type HostFiles } from '../host.js';
import { RULES } from '../messages.js';

/** Where data files may be read from: reports and data files are untrusted input. */
export interface DataAccessPolicy {
  /** The report's folder (absolute); its whole tree is readable. */
  readonly reportDir: string;
  /** Further folders (absolute) the user allowed: the workspace, `--allow` folders. */
  readonly allowedRoots: readonly string[];
  /** Where files are read and their real paths found (the disk, or memory in tests). */
  readonly host: HostFiles;
}

export type ResolvedPath =
  | { readonly path: string }
  | {
      readonly reason: string;
      readonly ruleId: typeof RULES.pathNotAllowed | typeof RULES.dataMissing;
      /** For a missing file that would be allowed: where it was looked for (to watch for it). */
      readonly candidate?: string;
    };

/**
 * Resolves `relative` against the folder of `fromFile` and allows it only when its real
 * location (symlinks followed) lies inside the report's folder or an allowed root, so a
 * data file cannot reach `/etc/passwd` through `../` or a link.
 */
export function resolveDataPath(
  fromFile: string,
  relative: string,
  policy: DataAccessPolicy,
): ResolvedPath {
  if (relative.includes('\0'))
    return {
      reason: `The path ${JSON.stringify(relative)} is not valid`,
      ruleId: RULES.dataMissing,
    };
  const resolved = path.resolve(path.dirname(fromFile), relative);
  const real = policy.host.realPath(resolved);
  if (real === undefined) {
    // A missing file cannot leak anything, but its folder may still be a link out.
    const folder = policy.host.realPath(path.dirname(resolved));
    const candidate = folder === undefined ? resolved : path.join(folder, path.basename(resolved));
    if (!isAllowed(candidate, policy)) return notAllowed(relative, resolved);
    return {
      reason: `Data file not found: ${relative} (looked for ${resolved})`,
      ruleId: RULES.dataMissing,
      candidate: resolved,
    };
  }
  return isAllowed(real, policy) ? { path: real } : notAllowed(relative, resolved);
}

function notAllowed(relative: string, resolved: string): ResolvedPath {
  return {
    reason: `Reading ${relative} is not allowed: ${resolved} is outside the report's folder and the allowed data folders (add its folder to scorecard.allowedDataFolders or pass --allow)`,
    ruleId: RULES.pathNotAllowed,
  };
}

/** True when `file` (already real) is inside one of the allowed folders. */
export function isAllowed(file: string, policy: DataAccessPolicy): boolean {
  return [policy.reportDir, ...policy.allowedRoots].some((root) =>
    isInside(file, realFolder(policy.host, root)),
  );
}

export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return (
    relative === '' ||
    (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
  );
}
