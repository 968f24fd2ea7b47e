/**
 * "Compare Figures with Last Export" and "Compare Figures with a Git Revision": the
 * figures of the report as it is now against an export or a revision, shown in a webview
 * in the exports' style. The logic lives in logic/compare-figures.ts.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { RULES, type FigureDiff, type FigureRecord, type RenderResult } from '../engine/index.js';
import {
  comparisonMode,
  diffViewHtml,
  gitShowArgs,
  lastExport,
  materialiseRevision,
  revisionProblem,
} from './logic/compare-figures.js';
import type { ExportMode } from './logic/export-files.js';
import { createNonce } from './logic/preview-shell.js';
import type { Loaded, Services } from './services.js';
import { allowedRoots, readSettings } from './settings.js';

/** What a comparison showed; returned to tests driving the commands. */
export interface Comparison {
  readonly diff: FigureDiff;
  readonly html: string;
}

/** The part of the built-in Git extension's API (version 1) used here. */
interface GitRepository {
  readonly rootUri: vscode.Uri;
  show(ref: string, path: string): Promise<string>;
  buffer?(ref: string, path: string): Promise<Uint8Array>;
  log?(options: { maxEntries?: number }): Promise<readonly { hash: string; message: string }[]>;
}
interface GitApi {
  getRepository(uri: vscode.Uri): GitRepository | null;
}
interface GitExtension {
  getAPI(version: 1): GitApi;
}

/** A repository as the comparison needs it, through the Git extension or `git`. */
interface Repo {
  readonly root: string;
  show(revision: string, relative: string): Promise<Uint8Array | undefined>;
  recent(): Promise<readonly { ref: string; label: string }[]>;
}

const MAX_GIT_BYTES = 64 * 1024 * 1024;

export class FigureComparisons {
  constructor(
    private readonly services: Services,
    private readonly log: vscode.OutputChannel,
  ) {}

  async withLastExport(document: vscode.TextDocument): Promise<Comparison | undefined> {
    const report = document.uri.fsPath;
    const found = await lastExport(report);
    if (!found) {
      void vscode.window.showErrorMessage(
        `No export of ${path.basename(report)} beside it: export the report first (Scorecard: Export).`,
      );
      return undefined;
    }
    const loaded = await this.services.get();
    const html = await readFile(found.file, 'utf8');
    let before: readonly FigureRecord[] | undefined;
    try {
      before = loaded.text.readFigures(html);
    } catch (error) {
      void vscode.window.showErrorMessage(
        `${path.basename(found.file)}: its figure data is malformed (${(error as Error).message}); export the report again.`,
      );
      return undefined;
    }
    if (!before) {
      void vscode.window.showErrorMessage(
        `${path.basename(found.file)} carries no figures (written by an older version, or not an export of this tool); export the report again.`,
      );
      return undefined;
    }
    const now = await this.renderNow(loaded, document, found.mode);
    if (!now) return undefined;
    return this.show(loaded, {
      before,
      after: now.figures,
      beforeName: path.basename(found.file),
      afterName: `${path.basename(report)} (now)`,
      exempt: loaded.text.isExemptExport(html) || found.mode === 'exempt',
    });
  }

  async withRevision(
    document: vscode.TextDocument,
    given?: string,
  ): Promise<Comparison | undefined> {
    const report = document.uri.fsPath;
    const repo = await repositoryFor(report);
    if (!repo) {
      void vscode.window.showErrorMessage(
        `${path.basename(report)} is not in a Git repository (or Git is not installed).`,
      );
      return undefined;
    }
    const revision = given ?? (await pickRevision(repo));
    if (revision === undefined) return undefined;
    const problem = revisionProblem(revision);
    if (problem) {
      void vscode.window.showErrorMessage(problem);
      return undefined;
    }
    const loaded = await this.services.get();
    const publicNow = await this.renderNow(loaded, document, 'public', true);
    if (!publicNow) return undefined;
    const mode = comparisonMode(publicNow.messages);
    const now = mode === 'public' ? publicNow : await this.renderNow(loaded, document, mode);
    if (!now) return undefined;
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'scorecard-revision-'));
    try {
      const settings = readSettings();
      // Data outside the repository has no history: it is read where it is.
      const roots = allowedRoots(settings).filter((root) => !isInside(root, repo.root));
      const engine = loaded.text.createEngine({
        allowedRoots: [scratch, ...roots],
        ...(settings.dfeDataFolder ? { dfeDataFolder: settings.dfeDataFolder } : {}),
      });
      let old: RenderResult | undefined;
      const materialised = await materialiseRevision({
        repoRoot: repo.root,
        report,
        currentDataFiles: now.dataFiles,
        scratch,
        show: (relative) => repo.show(revision.trim(), relative),
        render: async (file, text) =>
          (old = await engine.render(text, { path: file, mode, allowSmallNumbers: true })),
      });
      if (!materialised.ok || !old) {
        void vscode.window.showErrorMessage(
          materialised.ok ? 'The old report could not be rendered.' : materialised.reason,
        );
        return undefined;
      }
      this.log.appendLine(
        `Compare with ${revision}: ${materialised.fetched.length} data file(s) taken from the revision: ${materialised.fetched.join(', ')}`,
      );
      const errors = old.messages.filter((message) => message.severity === 'error');
      if (errors.length > 0) {
        for (const error of errors)
          this.log.appendLine(
            `  ${path.relative(scratch, error.file)}:${error.line}:${error.column} ${error.reason} (${error.ruleId})`,
          );
        void vscode.window.showErrorMessage(
          `The report at ${revision} has ${errors.length} error(s); see the "Scorecard Markdown" output.`,
        );
        return undefined;
      }
      return await this.show(loaded, {
        before: old.figures,
        after: now.figures,
        beforeName: `${path.basename(report)} at ${revision.trim()}`,
        afterName: `${path.basename(report)} (now)`,
        exempt: mode === 'exempt',
      });
    } finally {
      await rm(scratch, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  /** The report as it is in the editor; undefined (after saying why) when it has errors. */
  private async renderNow(
    loaded: Loaded,
    document: vscode.TextDocument,
    mode: ExportMode,
    quiet = false,
  ): Promise<RenderResult | undefined> {
    const result = await loaded.engine.render(document.getText(), {
      path: document.uri.fsPath,
      mode,
      allowSmallNumbers: true,
    });
    const errors = result.messages.filter(
      (message) =>
        message.severity === 'error' && !(quiet && message.ruleId === RULES.exemptInPublic),
    );
    if (errors.length === 0) return result;
    void vscode.window.showErrorMessage(
      `The report has ${errors.length} error(s); fix them before comparing figures (see the Problems panel).`,
    );
    return undefined;
  }

  private async show(
    loaded: Loaded,
    input: {
      before: Parameters<Loaded['text']['diffFigures']>[0];
      after: Parameters<Loaded['text']['diffFigures']>[1];
      beforeName: string;
      afterName: string;
      exempt: boolean;
    },
  ): Promise<Comparison> {
    const diff = loaded.text.diffFigures(input.before, input.after);
    const body = loaded.text.diffReportBody({
      diff,
      beforeName: input.beforeName,
      afterName: input.afterName,
      exempt: input.exempt,
    });
    const title = `Figures changed: ${input.beforeName} → ${input.afterName}`;
    const html = diffViewHtml({
      nonce: createNonce(),
      title,
      css: loaded.text.DOCUMENT_CSS,
      body,
      exempt: input.exempt,
    });
    const panel = vscode.window.createWebviewPanel(
      'scorecard.figureDiff',
      `Figures: ${input.beforeName}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      // The page is static: no script, no local file.
      { enableScripts: false, enableFindWidget: true, localResourceRoots: [] },
    );
    panel.webview.html = html;
    this.log.appendLine(`${title}: ${loaded.text.diffSummary(diff.counts)}`);
    return { diff, html };
  }
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

async function pickRevision(repo: Repo): Promise<string | undefined> {
  const recent = await repo.recent().catch(() => []);
  const pick = vscode.window.createQuickPick();
  pick.title = 'Compare figures with a Git revision';
  pick.placeholder = 'A commit, branch or tag (HEAD, HEAD~1, main, v1.2): pick or type one';
  pick.items = [
    { label: 'HEAD', description: 'the last commit' },
    ...recent.map((commit) => ({ label: commit.ref, description: commit.label })),
  ];
  return new Promise((done) => {
    let chosen: string | undefined;
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0]?.label ?? pick.value;
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      done(chosen);
    });
    pick.show();
  });
}

/** The built-in Git extension's repository where it is enabled, else `git` itself. */
async function repositoryFor(file: string): Promise<Repo | undefined> {
  try {
    const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
    const git = extension
      ? extension.isActive
        ? extension.exports
        : await extension.activate()
      : undefined;
    const repository = git?.getAPI(1).getRepository(vscode.Uri.file(file));
    if (repository) {
      const root = repository.rootUri.fsPath;
      return {
        root,
        show: async (revision, relative) => {
          const absolute = path.join(root, relative);
          try {
            if (repository.buffer) return await repository.buffer(revision, absolute);
            return Buffer.from(await repository.show(revision, absolute), 'utf8');
          } catch {
            return undefined;
          }
        },
        recent: async () =>
          ((await repository.log?.({ maxEntries: 15 })) ?? []).map((commit) => ({
            ref: commit.hash.slice(0, 10),
            label: commit.message.split('\n')[0] ?? '',
          })),
      };
    }
  } catch {
    // The Git extension is disabled or failed: `git` itself may still work.
  }
  const top = await runGit(['-C', path.dirname(file), 'rev-parse', '--show-toplevel']);
  if (!top) return undefined;
  const root = Buffer.from(top).toString('utf8').trim();
  return {
    root,
    show: (revision, relative) => runGit(gitShowArgs(root, revision, relative)),
    recent: async () => {
      const out = await runGit(['-C', root, 'log', '-n', '15', '--format=%h%x09%s']);
      return out
        ? Buffer.from(out)
            .toString('utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => {
              const [ref = '', ...subject] = line.split('\t');
              return { ref, label: subject.join('\t') };
            })
        : [];
    },
  };
}

/** `git` without a shell; undefined when it fails (no such file at that revision...). */
function runGit(args: readonly string[]): Promise<Uint8Array | undefined> {
  return new Promise((done) => {
    execFile(
      'git',
      [...args],
      { encoding: 'buffer', maxBuffer: MAX_GIT_BYTES, windowsHide: true },
      (error, stdout) => done(error ? undefined : stdout),
    );
  });
}
