/**
 * What the engine takes from the machine it runs on, passed into `createEngine`: file
 * reads and stats, the DfE data folder and the chart worker count. Nothing under
 * src/engine reads the environment; a face builds its host from its settings (see
 * node-host.ts for the real disk, memory-host.ts for tests and scripts).
 */

import { resolve } from 'node:path';

/** What `stat` says about a path (symlinks followed). */
export interface HostStat {
  readonly kind: 'file' | 'folder' | 'other';
  readonly size: number;
  readonly mtimeMs: number;
}

export interface EngineHost {
  /**
   * The file's bytes. Rejects when it cannot be read, with a Node-style `code`
   * (`ENOENT`, `EACCES`) where there is one, so messages can say why.
   */
  readFile(path: string): Promise<Uint8Array>;
  /** Rejects like `readFile` when nothing is at `path` or it cannot be stat-ed. */
  stat(path: string): Promise<HostStat>;
  /**
   * The path with every symlink followed, or undefined when nothing is there. The file
   * access policy compares real paths, so a link cannot lead a report out of its folders.
   */
  realPath(path: string): string | undefined;
  /** Folder (absolute) that `dfe:NAME.csv` and unmatched `dfe/NAME.csv` paths read from. */
  readonly dfeDataFolder?: string | undefined;
  /** Worker threads to draw charts in; 0 draws them in the engine's own thread. */
  readonly chartWorkers: number;
  /**
   * The script a chart worker starts from: by default the worker bundle beside the
   * engine's. A face may start that bundle through a loader of its own (the CLI's
   * compiles it with a code cache, src/cli/chart-worker.ts).
   */
  readonly chartWorkerScript?: URL | undefined;
}

/** An error as Node's file functions give it, for hosts that are not the disk. */
export function fileError(code: 'ENOENT' | 'EACCES' | 'EISDIR', path: string): Error {
  const words = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EISDIR: 'is a directory',
  };
  return Object.assign(new Error(`${code}: ${words[code]}, '${path}'`), { code, path });
}

/** The file part of a host: what the data readers need. */
export type HostFiles = Pick<EngineHost, 'readFile' | 'stat' | 'realPath'>;

/**
 * A folder as the files read from it are named: data files are read by their real paths,
 * so a folder reached through a symbolic link is compared with them by its own.
 */
export function realFolder(host: Pick<EngineHost, 'realPath'>, folder: string): string {
  const absolute = resolve(folder);
  return host.realPath(absolute) ?? absolute;
}

/** The DfE folder by its real path, so an export names its files `dfe:...` (see realFolder). */
export function realDfeFolder(
  host: Pick<EngineHost, 'dfeDataFolder' | 'realPath'>,
): string | undefined {
  return host.dfeDataFolder && realFolder(host, host.dfeDataFolder);
}
