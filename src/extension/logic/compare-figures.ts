/**
 * The testable half of "Compare Figures with Last Export" and "Compare Figures with a Git
 * Revision": which export to compare with, how a revision's report and data files are put
 * back together in a scratch folder, and the webview page. No `vscode` here.
 */
import { mkdir, realpath, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { RULES } from '../../engine/index.js';
import { exportPath, type ExportMode } from './export-files.js';
import { escapeHtml, styleText } from './preview-shell.js';

export interface LastExport {
  readonly file: string;
  /** The mode the export was made in; the report is rendered the same way to compare. */
  readonly mode: ExportMode;
}

/**
 * The export beside the report, where the export command writes it: `report.html` or
 * `report.exempt.html`; when both exist, the one written last.
 */
export async function lastExport(report: string): Promise<LastExport | undefined> {
  const found: { file: string; mode: ExportMode; mtime: number }[] = [];
  for (const mode of ['public', 'exempt'] as const) {
    const file = exportPath(report, mode);
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) found.push({ file, mode, mtime: info.mtimeMs });
  }
  found.sort((a, b) => b.mtime - a.mtime);
  const newest = found[0];
  return newest ? { file: newest.file, mode: newest.mode } : undefined;
}

/**
 * Why a typed revision cannot be used, or undefined when it can. It goes to `git show` as
 * `REV:path`: an option-like or path-like revision must never reach git.
 */
export function revisionProblem(revision: string): string | undefined {
  const trimmed = revision.trim();
  if (trimmed === '') return 'Type a revision (a commit, branch or tag, such as HEAD~1)';
  if (trimmed.startsWith('-')) return 'A revision cannot start with "-"';
  // eslint-disable-next-line no-control-regex
  if (/[\s:\u0000-\u001f\u007f]/.test(trimmed))
    return 'A revision has no spaces, colons or control characters';
  return undefined;
}

/** `git show` arguments for a file at a revision (run without a shell). */
export function gitShowArgs(repoRoot: string, revision: string, relative: string): string[] {
  return ['-C', repoRoot, 'show', `${revision.trim()}:${relative.split(path.sep).join('/')}`];
}

/** What a render of the old report told us, as far as materialising needs. */
export interface RenderOutcome {
  readonly dataFiles: readonly string[];
  readonly messages: readonly { readonly ruleId: string; readonly reason: string }[];
}

export interface MaterialiseInput {
  /** The repository's top folder (absolute). */
  readonly repoRoot: string;
  /** The report (absolute, inside repoRoot). */
  readonly report: string;
  /** Data files the report reads today (absolute): fetched at the revision first. */
  readonly currentDataFiles: readonly string[];
  /** An empty scratch folder: the revision's files go here with the same relative layout. */
  readonly scratch: string;
  /** A file's bytes at the revision (path relative to repoRoot), undefined when absent. */
  readonly show: (relative: string) => Promise<Uint8Array | undefined>;
  /** Renders the report written at `file` in the scratch folder. */
  readonly render: (file: string, text: string) => Promise<RenderOutcome>;
}

export type Materialised =
  | {
      readonly ok: true;
      /** The old report's path in the scratch folder. */
      readonly report: string;
      readonly text: string;
      /** Files taken from the revision, relative to the repository. */
      readonly fetched: readonly string[];
    }
  | { readonly ok: false; readonly reason: string };

/** Rounds of "render, fetch what it missed": includes of includes are a few levels deep. */
const MAX_ROUNDS = 6;

/**
 * Writes the report as it was at the revision, and the data files it reads there, into
 * the scratch folder under their repository paths, so relative `data:` and `include:`
 * paths resolve as they did. The data files are today's list first, then whatever the
 * old report's render says it could not find (a data file renamed since).
 */
export async function materialiseRevision(input: MaterialiseInput): Promise<Materialised> {
  // Through real paths: the engine reports data files by their real path, and the
  // editor's path to the report may go through a link (macOS's /tmp, a linked folder).
  const repoRoot = await realpath(input.repoRoot).catch(() => input.repoRoot);
  const reportRelative = path.relative(
    repoRoot,
    await realpath(input.report).catch(() => input.report),
  );
  if (!isInsideRelative(reportRelative))
    return { ok: false, reason: 'The report is not inside the Git repository' };
  const reportBytes = await input.show(reportRelative);
  if (!reportBytes)
    return {
      ok: false,
      reason: `The report is not in that revision (or the revision does not exist): ${reportRelative}`,
    };
  const text = new TextDecoder('utf-8').decode(reportBytes);
  const oldReport = path.join(input.scratch, reportRelative);
  await put(oldReport, reportBytes);
  const fetched = new Set<string>();
  const tried = new Set<string>([reportRelative]);
  let wanted = input.currentDataFiles
    .map((file) => path.relative(repoRoot, file))
    .filter(isInsideRelative);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    for (const relative of wanted) {
      if (tried.has(relative)) continue;
      tried.add(relative);
      const bytes = await input.show(relative);
      if (!bytes) continue;
      await put(path.join(input.scratch, relative), bytes);
      fetched.add(relative);
    }
    const outcome = await input.render(oldReport, text);
    wanted = missingFiles(outcome, input.scratch).filter((relative) => !tried.has(relative));
    if (wanted.length === 0) break;
  }
  return { ok: true, report: oldReport, text, fetched: [...fetched].sort() };
}

/**
 * Files the render looked for in the scratch folder and did not find (relative to it):
 * the engine's data-missing message says where it looked.
 */
export function missingFiles(outcome: RenderOutcome, scratch: string): string[] {
  const files: string[] = [];
  for (const message of outcome.messages) {
    if (message.ruleId !== RULES.dataMissing) continue;
    const looked = /\(looked for (.+)\)$/.exec(message.reason)?.[1];
    if (looked === undefined) continue;
    const relative = path.relative(scratch, looked);
    if (isInsideRelative(relative)) files.push(relative);
  }
  return files;
}

function isInsideRelative(relative: string): boolean {
  return (
    relative !== '' &&
    relative !== '..' &&
    !relative.startsWith(`..${path.sep}`) &&
    !path.isAbsolute(relative)
  );
}

async function put(file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
}

/**
 * The mode both versions are rendered in for a Git comparison: what the committee would
 * get, the exempt export for a report classified exempt.
 */
export function comparisonMode(publicMessages: readonly { readonly ruleId: string }[]): ExportMode {
  return publicMessages.some((message) => message.ruleId === RULES.exemptInPublic)
    ? 'exempt'
    : 'public';
}

export interface DiffViewInput {
  readonly nonce: string;
  readonly title: string;
  /** The engine's document CSS, so the comparison looks like the exports. */
  readonly css: string;
  /** The engine's escaped report body (diffReportBody). */
  readonly body: string;
  readonly exempt: boolean;
}

/** No script at all, nothing loaded: only the two nonce'd style elements apply. */
export function diffViewCsp(nonce: string): string {
  return ["default-src 'none'", `style-src 'nonce-${nonce}'`].join('; ');
}

/** The webview page of a comparison: the export's look, no script, no request. */
export function diffViewHtml(input: DiffViewInput): string {
  const nonce = escapeHtml(input.nonce);
  const css = styleText(input.css);
  const banner = input.exempt
    ? '<p class="sc-exempt-banner">Exempt information — not for publication</p>\n'
    : '';
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(diffViewCsp(input.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style nonce="${nonce}">${css}</style>
</head>
<body class="sc-doc">
<header class="sc-header">
${banner}<h1 class="sc-header__title">${escapeHtml(input.title)}</h1>
</header>
<main id="content">
${input.body}
</main>
</body>
</html>`;
}
