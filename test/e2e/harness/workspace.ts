// A throwaway copy of the samples, so the tests' edits and exports never touch the repo.
import { cpSync, existsSync, mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface Workspace {
  /** The folder VS Code opens. */
  readonly root: string;
  /** Folders the data may be read from outside the workspace (the DfE files). */
  readonly allowedDataFolders: readonly string[];
}

/** Workspace folder holding the copy of test/security/corpus. */
export const ATTACK_CORPUS = 'corpus';

/** The DfE files, read in place: `../shared/data/dfe` beside the repo unless overridden. */
export function dfeDir(repo: string): string {
  const dir = resolve(
    repo,
    process.env['SCORECARD_DFE_DIR'] ?? join('..', 'shared', 'data', 'dfe'),
  );
  if (!existsSync(dir)) throw new Error(`DfE data folder missing: ${dir} (set SCORECARD_DFE_DIR)`);
  return dir;
}

/**
 * Mirrors the repo's layout under `tmp`: the samples inside a folder named like the
 * repo, and the DfE folder linked at the same place relative to it, so data files that
 * reach the DfE files by a relative path read them exactly as they do in the repo.
 */
export function prepareWorkspace(repo: string, tmp: string): Workspace {
  const root = join(tmp, 'w', 'repo');
  mkdirSync(root, { recursive: true });
  cpSync(join(repo, 'samples'), join(root, 'samples'), {
    recursive: true,
    // Earlier CLI output is no sample.
    filter: (source) => !source.startsWith(join(repo, 'samples', 'out')),
  });
  // The security attack corpus, which the suite turns a report into (issue 6.6).
  cpSync(join(repo, 'test', 'security', 'corpus'), join(root, ATTACK_CORPUS), { recursive: true });
  // The written relation (`../shared/data/dfe`), not the resolved one: ../shared may
  // itself be a link.
  const given = dfeDir(repo);
  const fromRepo = relative(resolve(repo), given);
  const dfe = realpathSync(given);
  const link = resolve(root, fromRepo);
  if (link.startsWith(tmp)) {
    mkdirSync(dirname(link), { recursive: true });
    if (!existsSync(link)) symlinkSync(dfe, link, 'dir');
  }
  writeFileSync(join(root, '.gitignore'), '.e2e/\n');
  return { root, allowedDataFolders: link.startsWith(tmp) ? [link, dfe] : [dfe] };
}

/** User settings: quiet, no auto-save (the preview must follow unsaved text), data access. */
export function writeUserSettings(userDataDir: string, workspace: Workspace): void {
  const dir = join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  const settings = {
    'files.autoSave': 'off',
    // Word completion would offer ids typed elsewhere and hide a missing provider.
    'editor.wordBasedSuggestions': 'off',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'scorecard.allowedDataFolders': workspace.allowedDataFolders,
  };
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}
