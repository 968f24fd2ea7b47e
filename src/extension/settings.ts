import * as vscode from 'vscode';
import { parseChartWorkers, type NodeHostOptions } from '../engine/index.js';

export interface Settings {
  /** Extra folders (absolute) data files may be read from, besides the workspace. */
  readonly allowedDataFolders: readonly string[];
  /** A folder of DfE EES files; allowed for reading like the folders above. */
  readonly dfeDataFolder: string | undefined;
  readonly previewDebounceMs: number;
}

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration('scorecard');
  const folders = config.get<unknown>('allowedDataFolders');
  const dfe = config.get<unknown>('dfeDataFolder');
  const debounce = config.get<unknown>('previewDebounceMs');
  return {
    allowedDataFolders: Array.isArray(folders)
      ? folders.filter((f): f is string => typeof f === 'string' && f !== '')
      : [],
    dfeDataFolder: typeof dfe === 'string' && dfe !== '' ? dfe : undefined,
    previewDebounceMs:
      typeof debounce === 'number' && debounce >= 0 ? Math.min(debounce, 5000) : 300,
  };
}

/**
 * Where the engine may read data: the workspace folders and what the user configured.
 * The report's own folder is always allowed by the engine itself.
 */
export function allowedRoots(settings: Settings): string[] {
  const workspace = (vscode.workspace.workspaceFolders ?? [])
    .filter((folder) => folder.uri.scheme === 'file')
    .map((folder) => folder.uri.fsPath);
  return [
    ...workspace,
    ...settings.allowedDataFolders,
    ...(settings.dfeDataFolder ? [settings.dfeDataFolder] : []),
  ];
}

/**
 * The engine's host: the DfE data folder from the setting, else SCORECARD_DFE_DIR; the
 * chart worker count from SCORECARD_CHART_WORKERS (as for the CLI), else the default.
 */
export function hostOptions(
  settings: Settings,
  env: NodeJS.ProcessEnv = process.env,
): NodeHostOptions {
  return {
    dfeDataFolder: settings.dfeDataFolder ?? env['SCORECARD_DFE_DIR'],
    chartWorkers: parseChartWorkers(env['SCORECARD_CHART_WORKERS']),
  };
}
