/**
 * A host whose files live in memory: engine tests, and scripts that render a report they
 * built themselves, without touching the disk. Paths are absolute; folders exist where
 * files do; `links` are symlinks (link path -> target), followed by `realPath` exactly as
 * the disk's are, so the file access policy is tested through them too.
 */
import path from 'node:path';
import { fileError, type EngineHost, type HostStat } from './host.js';

export interface MemoryHostOptions {
  /** Symlinks: absolute link path -> target (absolute, or relative to the link's folder). */
  readonly links?: Readonly<Record<string, string>>;
  readonly dfeDataFolder?: string;
  /** 0 by default: charts are drawn in the engine's own thread. */
  readonly chartWorkers?: number;
}

export interface MemoryHost extends EngineHost {
  /** Adds or replaces a file (its modification time moves on, as on a disk). */
  write(file: string, content: string | Uint8Array): void;
  remove(file: string): void;
}

/** Links followed in a row before a path counts as missing (a loop, as the disk's ELOOP). */
const MAX_LINKS = 40;

export function createMemoryHost(
  files: Readonly<Record<string, string | Uint8Array>> = {},
  options: Readonly<MemoryHostOptions> = {},
): MemoryHost {
  const entries = new Map<string, { bytes: Uint8Array; mtimeMs: number }>();
  const links = new Map(
    Object.entries(options.links ?? {}).map(([link, target]) => [path.resolve(link), target]),
  );
  let clock = 1;
  const write = (file: string, content: string | Uint8Array): void => {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    entries.set(path.resolve(file), { bytes, mtimeMs: clock++ });
  };
  for (const [file, content] of Object.entries(files)) write(file, content);

  const isFolder = (folder: string): boolean => {
    const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;
    for (const file of entries.keys()) if (file.startsWith(prefix)) return true;
    for (const link of links.keys()) if (link.startsWith(prefix)) return true;
    return false;
  };

  const realPath = (given: string): string | undefined => {
    let followed = 0;
    let current = path.parse(path.resolve(given)).root;
    const rest = path.resolve(given).slice(current.length).split(path.sep).filter(Boolean);
    while (rest.length > 0) {
      const next = path.join(current, rest.shift()!);
      const target = links.get(next);
      if (target === undefined) {
        current = next;
        continue;
      }
      if (++followed > MAX_LINKS) return undefined;
      const resolved = path.resolve(current, target);
      const root = path.parse(resolved).root;
      rest.unshift(...resolved.slice(root.length).split(path.sep).filter(Boolean));
      current = root;
    }
    return entries.has(current) || isFolder(current) || current === path.parse(current).root
      ? current
      : undefined;
  };

  const find = (file: string): { real: string; stat: HostStat; bytes?: Uint8Array } => {
    const real = realPath(file);
    if (real === undefined) throw fileError('ENOENT', file);
    const entry = entries.get(real);
    if (entry) {
      const stat = { kind: 'file', size: entry.bytes.byteLength, mtimeMs: entry.mtimeMs } as const;
      return { real, stat, bytes: entry.bytes };
    }
    return { real, stat: { kind: 'folder', size: 0, mtimeMs: 0 } };
  };

  return {
    readFile: async (file) => {
      const found = find(file);
      if (!found.bytes) throw fileError('EISDIR', file);
      return found.bytes;
    },
    stat: async (file) => find(file).stat,
    realPath,
    write,
    remove: (file) => void entries.delete(path.resolve(file)),
    ...(options.dfeDataFolder !== undefined
      ? { dfeDataFolder: path.resolve(options.dfeDataFolder) }
      : {}),
    chartWorkers: options.chartWorkers ?? 0,
  };
}
