import { parseArgs } from 'node:util';
import type { RenderMode } from '../engine/index.js';

export type CliCommand =
  | { readonly command: 'help' }
  | { readonly command: 'version' }
  | {
      readonly command: 'export';
      readonly inputs: readonly string[];
      readonly output?: string;
      readonly outDir?: string;
      readonly mode: RenderMode;
      readonly pdf: boolean;
      readonly docx: boolean;
      readonly force: boolean;
      readonly allowSmallNumbers: boolean;
      readonly allowExemptAsPublic: boolean;
      readonly allowedRoots: readonly string[];
      readonly exclude: readonly string[];
      readonly dfeDir?: string;
    }
  | {
      readonly command: 'check';
      readonly inputs: readonly string[];
      readonly mode: RenderMode;
      readonly format: 'text' | 'json';
      readonly allowedRoots: readonly string[];
      readonly exclude: readonly string[];
      readonly dfeDir?: string;
    }
  | {
      readonly command: 'figures';
      readonly inputs: readonly [string];
      readonly mode: 'public' | 'exempt';
      readonly format: FiguresFormat;
      readonly allowedRoots: readonly string[];
      readonly exclude: readonly string[];
      readonly dfeDir?: string;
    }
  | DiffCommand;

/** `scorecard diff BEFORE AFTER`: two exports or reports, their figures compared. */
export interface DiffCommand {
  readonly command: 'diff';
  readonly before: string;
  readonly after: string;
  readonly format: 'text' | 'json' | 'html';
  readonly output?: string;
  readonly force: boolean;
  /** How a report (`.md`) is rendered to read its figures; exports are read as written. */
  readonly mode: 'public' | 'exempt';
  readonly allowedRoots: readonly string[];
  readonly dfeDir?: string;
}

export type FiguresFormat = 'text' | 'json' | 'csv';

export class UsageError extends Error {}

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  output: { type: 'string', short: 'o' },
  'out-dir': { type: 'string' },
  public: { type: 'boolean' },
  exempt: { type: 'boolean' },
  preview: { type: 'boolean' },
  pdf: { type: 'boolean' },
  docx: { type: 'boolean' },
  force: { type: 'boolean' },
  'allow-small-numbers': { type: 'boolean' },
  'allow-exempt-as-public': { type: 'boolean' },
  allow: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  'dfe-dir': { type: 'string' },
  format: { type: 'string' },
} as const;

/** argv (without node and script) -> a command; anything malformed is a UsageError (exit 2). */
export function parseCommand(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...inputs] = positionals;
  if (command === undefined) return { command: 'help' };
  if (command === 'diff') return parseDiff(values, inputs);
  if (command !== 'export' && command !== 'check' && command !== 'figures')
    throw new UsageError(`Unknown command "${command}"; use export, check, figures or diff`);
  if (inputs.length === 0) throw new UsageError(`${command} needs at least one report or folder`);
  const modes = (['public', 'exempt', 'preview'] as const).filter((mode) => values[mode]);
  if (modes.length > 1) throw new UsageError(`Choose one of --${modes.join(' or --')}`);
  const mode: RenderMode = modes[0] ?? 'public';
  const common = {
    inputs,
    mode,
    allowedRoots: values.allow ?? [],
    exclude: values.exclude ?? [],
    ...(values['dfe-dir'] ? { dfeDir: values['dfe-dir'] } : {}),
  };
  if (command === 'figures') return figuresCommand(values, common);
  if (command === 'check') {
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json')
      throw new UsageError(`--format must be text or json, not "${format}"`);
    for (const flag of ['output', 'out-dir', 'pdf', 'docx', 'force'] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} is an export option`);
    }
    return { command, ...common, format };
  }
  if (values.format !== undefined) throw new UsageError('--format is a check option');
  if (values.output && values['out-dir'])
    throw new UsageError('Use either -o or --out-dir, not both');
  return {
    command,
    ...common,
    ...(values.output ? { output: values.output } : {}),
    ...(values['out-dir'] ? { outDir: values['out-dir'] } : {}),
    pdf: values.pdf ?? false,
    docx: values.docx ?? false,
    force: values.force ?? false,
    allowSmallNumbers: values['allow-small-numbers'] ?? false,
    allowExemptAsPublic: values['allow-exempt-as-public'] ?? false,
  };
}

function parseDiff(
  values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'],
  inputs: readonly string[],
): DiffCommand {
  const [before, after, ...rest] = inputs;
  if (before === undefined || after === undefined || rest.length > 0)
    throw new UsageError('diff needs two files: BEFORE and AFTER (exports or reports)');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'html')
    throw new UsageError(`--format must be text, json or html, not "${format}"`);
  for (const flag of ['out-dir', 'pdf', 'docx', 'preview', 'exclude'] as const) {
    if (values[flag] !== undefined) throw new UsageError(`--${flag} is not a diff option`);
  }
  if (values.public && values.exempt) throw new UsageError('Choose one of --public or --exempt');
  return {
    command: 'diff',
    before,
    after,
    format,
    ...(values.output ? { output: values.output } : {}),
    force: values.force ?? false,
    mode: values.exempt ? 'exempt' : 'public',
    allowedRoots: values.allow ?? [],
    ...(values['dfe-dir'] ? { dfeDir: values['dfe-dir'] } : {}),
  };
}

/** `figures REPORT.md`: one report, public (what will be published) unless --exempt. */
function figuresCommand(
  values: { readonly [key: string]: unknown },
  common: {
    readonly inputs: readonly string[];
    readonly mode: RenderMode;
    readonly allowedRoots: readonly string[];
    readonly exclude: readonly string[];
    readonly dfeDir?: string;
  },
): CliCommand {
  const [report, ...more] = common.inputs;
  if (report === undefined || more.length > 0)
    throw new UsageError('figures lists the figures of one report: scorecard figures REPORT.md');
  if (common.mode === 'preview') throw new UsageError('figures takes --public or --exempt');
  const format = (values['format'] as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'csv')
    throw new UsageError(`--format must be text, json or csv, not "${format}"`);
  for (const flag of [
    'output',
    'out-dir',
    'pdf',
    'docx',
    'force',
    'allow-small-numbers',
    'allow-exempt-as-public',
  ]) {
    if (values[flag] !== undefined) throw new UsageError(`--${flag} is an export option`);
  }
  return { ...common, command: 'figures', inputs: [report], mode: common.mode, format };
}

export const HELP = `Scorecard Markdown: export performance reports written in Markdown to accessible HTML.

Usage
  scorecard export REPORT.md|FOLDER... [-o OUT.html | --out-dir DIR] [--public | --exempt]
  scorecard check  REPORT.md|FOLDER... [--format text|json] [--public | --exempt | --preview]
  scorecard figures REPORT.md [--format text|json|csv] [--public | --exempt]
  scorecard diff   BEFORE AFTER [--format text|json|html] [-o OUT] [--public | --exempt]

Export options
  -o, --output FILE          where to write (one report only); default REPORT.html
                             (REPORT.exempt.html with --exempt), beside the report
  --out-dir DIR              write every export into DIR
  --public                   the public agenda pack (default): exempt blocks removed,
                             small numbers suppressed
  --exempt                   the exempt (Part B) version, exact figures
  --pdf                      also write a PDF through headless Chromium (A4)
  --docx                     also write a Word file (.docx) beside the HTML, with the
                             same figures and suppression
  --force                    overwrite a file this tool did not write
  --allow-small-numbers      publish although small numbers were suppressed (marked)
  --allow-exempt-as-public   export a report classified exempt as public (warns)

Figures options
  every figure the report shows, once per place: indicator, period, kind, text as
  printed, value, suppressed, source (data file:line) and place (report line:column);
  paths are relative to the report's folder. --public (default) lists the figures as
  the public export prints them, suppression applied; --exempt the exact figures.

Diff options
  BEFORE, AFTER              exports (.html) written by Scorecard Markdown, or reports
                             (.md) rendered now (--public, the default, or --exempt)
  --format text|json|html    what to print or write (default text)
  -o, --output FILE          write the comparison to FILE instead of printing it
                             (--force to replace a file this tool did not write)
  Exit status 0 when no figure changed, 1 when some did, 2 on error.

Common options
  --allow DIR                also read data files from DIR (repeatable); by default
                             only the report's own folder is read
  --dfe-dir DIR              folder of DfE EES files for "dfe/..." paths
  --exclude NAME             skip reports with this file name when given a folder
  --format FORMAT            check: text|json; figures: text|json|csv; diff:
                             text|json|html (default text)
  -h, --help, -v, --version

Exit status: 0 success, 1 a report has errors (or an export was refused), 2 usage error.
Messages: file:line:column severity message rule-id
`;
