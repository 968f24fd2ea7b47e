import { open, readdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'out', 'dist']);

/**
 * Files are taken as given; folders are searched for reports: Markdown files whose
 * front matter names data, so READMEs and notes beside the reports are left alone.
 */
export async function findReports(
  inputs: readonly string[],
  exclude: readonly string[],
): Promise<string[]> {
  const found: string[] = [];
  for (const input of inputs) {
    const path = resolve(input);
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new Error(`${input}: no such file or folder`);
    if (info.isDirectory()) found.push(...(await reportsIn(path)));
    else found.push(path);
  }
  const skip = new Set(exclude);
  return [...new Set(found)].filter((path) => !skip.has(basename(path))).sort();
}

async function reportsIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory())
        return SKIPPED_FOLDERS.has(entry.name) || entry.name.startsWith('.') ? [] : reportsIn(path);
      return entry.isFile() && entry.name.endsWith('.md') && (await isReport(path)) ? [path] : [];
    }),
  );
  return nested.flat();
}

/** Only the first 8 KB are read: a folder may hold a huge Markdown file that is no report. */
async function isReport(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  let bytes: Buffer;
  try {
    const buffer = Buffer.alloc(8192);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    bytes = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  // A report saved as UTF-16 is still a report: found here, it is refused with `encoding`
  // rather than silently left out of the export.
  const utf16 = bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-16le';
  const wide =
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    utf16 === 'utf-16be' ||
    bytes.subarray(0, 64).includes(0);
  const head = wide
    ? new TextDecoder(utf16).decode(bytes)
    : bytes.subarray(0, 4096).toString('utf8');
  const frontMatter = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(head);
  return frontMatter !== null && /^data\s*:/m.test(frontMatter[1] ?? '');
}
