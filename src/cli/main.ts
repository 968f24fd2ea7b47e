import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import {
  DEFAULT_MAX_REPORT_BYTES,
  decodeBytes,
  type Engine,
  type RenderMode,
  RULES,
  createMessage,
  type Message,
  VERSION,
  exportedFigures,
  realDfeFolder,
} from '../engine/index.js';
import { cliEngine, cliHost } from './host.js';
import { HELP, UsageError, parseCommand } from './args.js';
import type { CliCommand } from './args.js';
import { findReports } from './find-reports.js';
import { displayPath, messageLines, messagesJson, summary } from './reporter.js';
import type { exportPdf as ExportPdfFunction } from './pdf.js';
import { isOwnedOrAbsent, writeExport } from './safe-write.js';
import { exportDocxBeside } from './docx.js';
import { outputsProblem, pdfPath } from './plan-outputs.js';
import { formatFigures } from './figures.js';
import { runDiff } from './diff-command.js';

/** pdf.ts is imported only for --pdf, so the browser driver is never loaded otherwise. */
type ExportPdf = typeof ExportPdfFunction;

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** Runs one command and returns the exit status: 0 ok, 1 report errors, 2 usage. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let command: CliCommand;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`scorecard: ${error.message}\nRun scorecard --help for usage.`);
    return 2;
  }
  if (command.command === 'help') {
    io.out(HELP);
    return 0;
  }
  if (command.command === 'version') {
    io.out(VERSION);
    return 0;
  }
  if (command.command === 'figures') return figures(command, io);
  if (command.command === 'diff') return runDiff(command, io);
  let reports: string[];
  try {
    reports = await findReports(command.inputs, command.exclude);
  } catch (error) {
    io.err(`scorecard: ${(error as Error).message}`);
    return 2;
  }
  if (reports.length === 0) {
    io.err('scorecard: no reports found (a report is a .md file whose front matter names data)');
    return 2;
  }
  if (command.command === 'export' && command.output && reports.length > 1) {
    io.err('scorecard: -o names one file; use --out-dir for several reports');
    return 2;
  }
  if (command.command === 'export') {
    // Before any report is read or rendered: a bad output path is known now, and a
    // render of minutes must not end in "cannot write there".
    const problem = await outputsProblem(reports, command, (report) => outputPath(report, command));
    if (problem) {
      io.err(`scorecard: ${problem}`);
      return 2;
    }
  }
  const engine = cliEngine(command);
  return command.command === 'check'
    ? check(engine, command, reports, io)
    : exportAll(engine, command, reports, io);
}

async function check(
  engine: Engine,
  command: Extract<CliCommand, { command: 'check' }>,
  reports: readonly string[],
  io: CliIo,
) {
  const all: Message[] = [];
  for (const report of reports) {
    const text = await readReport(report, all);
    if (text !== undefined)
      all.push(...(await engine.check(text, { path: report, mode: command.mode })));
  }
  if (command.format === 'json') io.out(JSON.stringify(messagesJson(all), null, 2));
  else {
    for (const line of messageLines(all)) io.out(line);
    io.err(`${reports.length} report${reports.length === 1 ? '' : 's'} checked: ${summary(all)}`);
  }
  return all.some((message) => message.severity === 'error') ? 1 : 0;
}

/** The figure list on stdout; the report's problems on stderr, as `check` prints them. */
async function figures(command: Extract<CliCommand, { command: 'figures' }>, io: CliIo) {
  const report = resolve(command.inputs[0]);
  // As check and diff do: a report that is not there is a usage error (2), not a report's.
  const info = await stat(report).catch(() => undefined);
  if (!info || info.isDirectory()) {
    io.err(
      `scorecard: ${command.inputs[0]}: ${info ? 'a folder; figures lists one report' : 'no such file'}`,
    );
    return 2;
  }
  const host = cliHost(command.dfeDir);
  const engine = cliEngine(command, host);
  const messages: Message[] = [];
  const text = await readReport(report, messages);
  const result =
    text === undefined
      ? undefined
      : await engine.render(text, { path: report, mode: command.mode });
  messages.push(...(result?.messages ?? []));
  const figures = exportedFigures(result?.figures ?? [], dirname(report), realDfeFolder(host));
  // Each write ends with a newline: a CSV's last record keeps its CR, ending CRLF as the rest.
  const listing = formatFigures(figures, command.format);
  io.out(listing.endsWith('\n') ? listing.slice(0, -1) : listing);
  for (const line of messageLines(messages)) io.err(line);
  io.err(`${figures.length} figure${figures.length === 1 ? '' : 's'} listed: ${summary(messages)}`);
  return messages.some((message) => message.severity === 'error') ? 1 : 0;
}

async function exportAll(
  engine: Engine,
  command: Extract<CliCommand, { command: 'export' }>,
  reports: readonly string[],
  io: CliIo,
) {
  // Chart workers load Vega while the first report is read and parsed.
  engine.prestartCharts();
  let failed = 0;
  for (const [index, report] of reports.entries()) {
    const progress = `[${index + 1}/${reports.length}] ${displayPath(report)}`;
    const messages: Message[] = [];
    const text = await readReport(report, messages);
    const result =
      text === undefined
        ? undefined
        : await engine.render(text, {
            path: report,
            mode: command.mode,
            allowSmallNumbers: command.allowSmallNumbers,
            allowExemptAsPublic: command.allowExemptAsPublic,
          });
    messages.push(...(result?.messages ?? []));
    for (const line of messageLines(messages)) io.err(line);
    if (!result || result.refused) {
      failed++;
      io.err(`${progress}: not exported (${summary(messages)})`);
      continue;
    }
    const outFile = outputPath(report, command);
    const written = await writeExport(outFile, result.html, {
      source: report,
      force: command.force,
    });
    if (!written.ok) {
      failed++;
      io.err(`${progress}: ${written.reason}`);
      continue;
    }
    io.out(`${progress} -> ${displayPath(outFile)}`);
    if (command.pdf && !(await exportPdfBeside(result.html, outFile, command.force, progress, io)))
      failed++;
    if (
      command.docx &&
      !(await exportDocxBeside(result.html, outFile, report, command.force, progress, io))
    )
      failed++;
  }
  return failed > 0 ? 1 : 0;
}

async function exportPdfBeside(
  html: string,
  htmlFile: string,
  force: boolean,
  progress: string,
  io: CliIo,
) {
  let exportPdf: ExportPdf;
  try {
    ({ exportPdf } = await import('./pdf.js'));
  } catch (error) {
    io.err(
      `${progress}: PDF not written: the PDF printer could not load (${(error as Error).message})`,
    );
    return false;
  }
  const pdfFile = pdfPath(htmlFile);
  const outcome =
    force || (await isOwnedOrAbsent(pdfFile))
      ? await exportPdf(html, pdfFile)
      : {
          ok: false as const,
          reason: `${displayPath(pdfFile)} exists and was not written by Scorecard Markdown; use --force`,
        };
  if (!outcome.ok) {
    io.err(`${progress}: PDF not written: ${outcome.reason}`);
    return false;
  }
  io.out(`${progress} -> ${displayPath(pdfFile)}`);
  return true;
}

/** REPORT.html (public) or REPORT.exempt.html beside the report, or in --out-dir. */
export function outputPath(
  report: string,
  options: { output?: string; outDir?: string; mode: RenderMode },
): string {
  if (options.output) return resolve(options.output);
  const name = `${basename(report, '.md')}${options.mode === 'exempt' ? '.exempt' : ''}.html`;
  return join(options.outDir ? resolve(options.outDir) : dirname(report), name);
}

async function readReport(report: string, messages: Message[]): Promise<string | undefined> {
  const place = { file: report, line: 1, column: 1 };
  const info = await stat(report).catch(() => undefined);
  // A named pipe or device would block the read for ever; a huge file would be read whole
  // only for the engine to refuse it.
  if (info && !info.isFile()) {
    messages.push(createMessage(RULES.dataMissing, 'The report is not a regular file', place));
    return undefined;
  }
  if (info && info.size > DEFAULT_MAX_REPORT_BYTES) {
    const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
    const reason = `The report is ${mb(info.size)}, over the ${mb(DEFAULT_MAX_REPORT_BYTES)} limit; it was not read (is this the right file?)`;
    messages.push(createMessage(RULES.inputTooLarge, reason, place));
    return undefined;
  }
  try {
    // Bytes, not 'utf8': Node would put U+FFFD for every byte that is not UTF-8.
    const decoded = decodeBytes(await readFile(report), report, 'report');
    if (decoded.ok) return decoded.text;
    messages.push(decoded.message);
    return undefined;
  } catch (error) {
    const reason = `Cannot read the report: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
    messages.push(createMessage(RULES.dataMissing, reason, { file: report, line: 1, column: 1 }));
    return undefined;
  }
}
