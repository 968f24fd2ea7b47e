import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { Engine, FigureRecord } from '../engine/index.js';
import {
  DEFAULT_MAX_REPORT_BYTES,
  decodeBytes,
  diffFigures,
  diffJson,
  diffReportHtml,
  diffText,
  isExemptExport,
  readFigures,
} from '../engine/index.js';
import { VERSION, readGenerator } from '../engine/index.js';
import type { DiffCommand } from './args.js';
import { cliEngine } from './host.js';
import { displayPath, messageLines } from './reporter.js';
import { isOwnedOrAbsent, sameFile, writeExport } from './safe-write.js';

interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** Exports of real reports are megabytes (inline SVG charts); past this it is not one. */
const MAX_EXPORT_BYTES = 256 * 1024 * 1024;

type Side =
  | { readonly ok: true; readonly records: readonly FigureRecord[]; readonly exempt: boolean }
  | { readonly ok: false; readonly reason: string };

/**
 * `scorecard diff BEFORE AFTER`: 0 when no figure changed, 1 when some did, 2 when either
 * version cannot be read (nothing is written then).
 */
export async function runDiff(command: DiffCommand, io: CliIo): Promise<number> {
  const engine = cliEngine(command);
  const sides: Side[] = [];
  for (const file of [command.before, command.after]) {
    const side = await readSide(resolve(file), command, engine, io);
    if (!side.ok) {
      io.err(`scorecard: ${side.reason}`);
      return 2;
    }
    sides.push(side);
  }
  const [before, after] = sides as [Extract<Side, { ok: true }>, Extract<Side, { ok: true }>];
  const diff = diffFigures(before.records, after.records);
  const names = {
    before: displayPath(resolve(command.before)),
    after: displayPath(resolve(command.after)),
    generator: `Scorecard Markdown ${VERSION}`,
  };
  const content =
    command.format === 'json'
      ? JSON.stringify(diffJson(diff, names), null, 2)
      : command.format === 'html'
        ? diffReportHtml({
            diff,
            beforeName: names.before,
            afterName: names.after,
            exempt: before.exempt || after.exempt,
          })
        : diffText(diff, names);
  if (command.output === undefined) io.out(content);
  else {
    const problem = await writeProblem(command.output, `${content}\n`, command);
    if (problem) {
      io.err(`scorecard: ${problem}`);
      return 2;
    }
    io.out(
      `${diff.changes.length} figure${diff.changes.length === 1 ? '' : 's'} changed -> ${displayPath(resolve(command.output))}`,
    );
  }
  return diff.changes.length > 0 ? 1 : 0;
}

async function readSide(
  file: string,
  command: DiffCommand,
  engine: Engine,
  io: CliIo,
): Promise<Side> {
  const shown = displayPath(file);
  const extension = extname(file).toLowerCase();
  const isExport = extension === '.html' || extension === '.htm';
  const isReport = extension === '.md' || extension === '.markdown';
  if (!isExport && !isReport)
    return { ok: false, reason: `${shown} is neither an export (.html) nor a report (.md)` };
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error)
    return {
      ok: false,
      reason: `${shown} cannot be read (${info.code === 'ENOENT' ? 'no such file' : (info.code ?? info.message)})`,
    };
  if (!info.isFile()) return { ok: false, reason: `${shown} is not a regular file` };
  const limit = isExport ? MAX_EXPORT_BYTES : DEFAULT_MAX_REPORT_BYTES;
  if (info.size > limit)
    return {
      ok: false,
      reason: `${shown} is too large to be ${isExport ? 'an export' : 'a report'}`,
    };
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { ok: false, reason: `${shown} cannot be read (${(error as Error).message})` };
  }
  const decoded = decodeBytes(bytes, file, isExport ? 'export' : 'report');
  if (!decoded.ok) return { ok: false, reason: `${shown}: ${decoded.message.reason}` };
  if (isExport) return readExport(decoded.text, shown);
  const result = await engine.render(decoded.text, {
    path: file,
    mode: command.mode,
    // The comparison publishes nothing: small numbers are suppressed and marked as in an
    // export made with the override, so a draft with them can still be compared.
    allowSmallNumbers: true,
  });
  const errors = result.messages.filter((message) => message.severity === 'error');
  if (errors.length > 0) {
    for (const line of messageLines(errors)) io.err(line);
    return {
      ok: false,
      reason: `${shown} has ${errors.length} error${errors.length === 1 ? '' : 's'}; its figures cannot be trusted until they are fixed`,
    };
  }
  return { ok: true, records: result.figures, exempt: command.mode === 'exempt' };
}

function readExport(html: string, shown: string): Side {
  if (readGenerator(html) === undefined)
    return { ok: false, reason: `${shown} is not an export written by Scorecard Markdown` };
  let records: readonly FigureRecord[] | undefined;
  try {
    records = readFigures(html);
  } catch (error) {
    return {
      ok: false,
      reason: `${shown}: its figure data is malformed (${(error as Error).message}); export the report again`,
    };
  }
  if (!records)
    return {
      ok: false,
      reason: `${shown} carries no figures (exported before exports carried them?); export the report again`,
    };
  return { ok: true, records, exempt: isExemptExport(html) };
}

/**
 * Why the comparison cannot be written to `output`: never over BEFORE or AFTER, never
 * over a file this tool did not write unless forced; the write itself is atomic.
 */
async function writeProblem(
  output: string,
  content: string,
  command: DiffCommand,
): Promise<string | undefined> {
  const target = resolve(output);
  for (const input of [command.before, command.after]) {
    if (target === resolve(input) || (await sameFile(target, input)))
      return `${output} is one of the files compared; choose another output file`;
  }
  if (!command.force && !(await isOwnedOrAbsent(target)) && !(await isOurDiffOutput(target)))
    return `${output} exists and was not written by Scorecard Markdown; use --force to overwrite it`;
  const written = await writeExport(target, content, { source: command.before, force: true });
  return written.ok ? undefined : written.reason;
}

/** A text or JSON comparison this tool wrote earlier (the HTML one is an export's kin). */
async function isOurDiffOutput(target: string): Promise<boolean> {
  const info = await stat(target).catch(() => undefined);
  if (!info?.isFile() || info.size > MAX_EXPORT_BYTES) return false;
  const text = await readFile(target, 'utf8').catch(() => '');
  if (/^Figures of .* compared with .* \(Scorecard Markdown [^)\n]*\)\n/.test(text)) return true;
  try {
    const parsed = JSON.parse(text) as { generator?: unknown };
    return (
      typeof parsed.generator === 'string' && parsed.generator.startsWith('Scorecard Markdown ')
    );
  } catch {
    return false;
  }
}
