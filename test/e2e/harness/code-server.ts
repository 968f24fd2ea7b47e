// code-server 4.99.4 is VS Code 1.99.3 over HTTP: the only real VS Code these machines
// can run (see ../shared/docs/vscode-e2e.md).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { waitFor } from '../wait.js';
import { startBackground, runChecked, type Background } from './processes.js';

/**
 * SCORECARD_CODE_SERVER names the binary itself; otherwise it is looked for where
 * .ci/install-code-server.sh puts it: SCORECARD_CODE_SERVER_DIR, else .cache/code-server.
 */
export function codeServerBin(repo: string, env: NodeJS.ProcessEnv = process.env): string {
  const dir = env['SCORECARD_CODE_SERVER_DIR'] || join(repo, '.cache', 'code-server');
  const bin =
    env['SCORECARD_CODE_SERVER'] ?? join(resolve(repo, dir), 'node_modules', '.bin', 'code-server');
  if (!existsSync(bin)) {
    throw new Error(`code-server not found at ${bin}: run .ci/install-code-server.sh first`);
  }
  return bin;
}

/** The isolation every code-server call shares: its own user data and extensions. */
export interface Profile {
  readonly userDataDir: string;
  readonly extensionsDir: string;
}

export function installExtension(bin: string, vsix: string, profile: Profile, cwd: string): void {
  runChecked(
    bin,
    [
      '--user-data-dir',
      profile.userDataDir,
      '--extensions-dir',
      profile.extensionsDir,
      '--install-extension',
      vsix,
    ],
    { cwd, timeoutMs: 120_000 },
  );
}

/**
 * The workbench URL that opens `folder` and makes the extension host run the tests
 * module. VS Code runs tests only when an extension development path is given too, so
 * it names `placeholder`, a folder with no extension in it: the extension under test
 * comes from the installed .vsix, which is what proves the packaging.
 */
export function workbenchUrl(
  origin: string,
  folder: string,
  testsModule: string,
  placeholder: string,
): string {
  const { host } = new URL(origin);
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${host}${placeholder}`],
    ['extensionTestsPath', `vscode-remote://${host}${testsModule}`],
  ];
  const url = new URL(origin);
  url.searchParams.set('folder', folder);
  url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

export interface RunningServer extends Background {
  readonly origin: string;
}

export async function startCodeServer(options: {
  readonly bin: string;
  readonly port: number;
  readonly workspace: string;
  readonly profile: Profile;
  readonly logFile: string;
}): Promise<RunningServer> {
  const origin = `http://127.0.0.1:${options.port}`;
  // Its own config file, or code-server writes one into the user's home.
  const configFile = join(options.profile.userDataDir, 'code-server.yaml');
  mkdirSync(options.profile.userDataDir, { recursive: true });
  writeFileSync(configFile, 'auth: none\n');
  const server = startBackground(
    options.bin,
    [
      '--config',
      configFile,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${options.port}`,
      '--user-data-dir',
      options.profile.userDataDir,
      '--extensions-dir',
      options.profile.extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      options.workspace,
    ],
    { cwd: options.workspace, logFile: options.logFile },
  );
  try {
    await waitFor(
      async () => {
        if (server.child.exitCode !== null)
          throw new Error(`code-server exited; see ${options.logFile}`);
        try {
          const response = await fetch(`${origin}/healthz`);
          return response.ok ? true : undefined;
        } catch {
          return undefined;
        }
      },
      60_000,
      'code-server to answer',
    );
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { ...server, origin };
}
