import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { GENERATOR_NAME, readGenerator, readDocxGenerator } from '../engine/index.js';

export type WriteOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Writes an export without ever losing work: never over the report itself, never over a
 * file this tool did not write unless forced, and through a temporary file and a rename
 * so a crash leaves either the old file or the new one, never half of one.
 */
export async function writeExport(
  outFile: string,
  content: string | Uint8Array,
  options: { readonly source: string; readonly force: boolean },
): Promise<WriteOutcome> {
  const target = resolve(outFile);
  if (target === resolve(options.source) || (await sameFile(target, options.source))) {
    return { ok: false, reason: `${outFile} is the report itself; choose another output file` };
  }
  const notAFile = await notRegularFile(target);
  if (notAFile) return { ok: false, reason: notAFile };
  if (!options.force && !(await isOwnedOrAbsent(target))) {
    return {
      ok: false,
      reason: `${outFile} exists and was not written by Scorecard Markdown; use --force to overwrite it`,
    };
  }
  const temporary = join(
    dirname(target),
    `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(temporary, content, { flag: 'wx' });
    // Looked at again just before the rename: a device or pipe put there meanwhile is
    // still never replaced.
    const appeared = await notRegularFile(target);
    if (appeared) {
      await rm(temporary, { force: true }).catch(() => undefined);
      return { ok: false, reason: appeared };
    }
    await rename(temporary, target);
    return { ok: true };
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    return { ok: false, reason: `Could not write ${outFile}: ${(error as Error).message}` };
  }
}

/** Larger files are not read to see whether this tool wrote them: none of its exports is. */
const MAX_OWNED_BYTES = 256 * 1024 * 1024;

/**
 * Why an output path cannot be written, when something other than a regular file is
 * there (through a symlink too): a folder, a named pipe (opening it waits for a reader),
 * a device such as /dev/null or /dev/zero (root could replace it with a file). Such a
 * path is refused even with --force; nothing is opened.
 */
export async function notRegularFile(outFile: string): Promise<string | undefined> {
  const info = await stat(outFile).catch(() => lstat(outFile).catch(() => undefined));
  if (!info || info.isFile() || info.isSymbolicLink()) return undefined;
  const kind = info.isDirectory()
    ? 'a folder'
    : info.isFIFO()
      ? 'a named pipe'
      : info.isCharacterDevice() || info.isBlockDevice()
        ? 'a device'
        : info.isSocket()
          ? 'a socket'
          : 'something else';
  return `${outFile} exists and is ${kind}, not a regular file; choose another output path (--force does not change this)`;
}

/**
 * An HTML file is ours when its generator meta says so; a PDF when its Creator is this
 * tool (Chromium writes the user agent there, and the PDF export sets it).
 */
export async function isOwnedOrAbsent(target: string): Promise<boolean> {
  let existing: Buffer;
  try {
    // Only a regular file of export size is read: reading a pipe waits for ever, a
    // device such as /dev/zero never ends.
    const info = await stat(target);
    if (!info.isFile() || info.size > MAX_OWNED_BYTES) return false;
    existing = await readFile(target);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
  if (extname(target).toLowerCase() === '.docx') return readDocxGenerator(existing) !== undefined;
  if (extname(target).toLowerCase() === '.pdf') {
    return existing.toString('latin1').includes(`/Creator (${GENERATOR_NAME} `);
  }
  return readGenerator(existing.toString('utf8')) !== undefined;
}

/**
 * True when both paths name one file on disk: through a linked folder, a symlink or a
 * hard link, `-o` can name the report under another path, and `--force` must still not
 * replace it.
 */
export async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [first, second] = await Promise.all([stat(a), stat(b)]);
    return first.dev === second.dev && first.ino === second.ino;
  } catch {
    return false;
  }
}
