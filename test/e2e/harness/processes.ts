// Child processes with bounded lifetimes: the harness must never leave a server behind.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';

export interface RunOptions {
  readonly cwd: string;
  readonly timeoutMs: number;
  readonly env?: NodeJS.ProcessEnv;
}

/** Runs a command to completion, output shown; throws on failure or timeout. */
export function runChecked(command: string, args: readonly string[], options: RunOptions): void {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: 'inherit',
    timeout: options.timeoutMs,
    killSignal: 'SIGKILL',
  });
  if (result.error) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
}

export interface Background {
  readonly child: ChildProcess;
  /** Stops the whole process group (code-server forks its own children). */
  stop(): Promise<void>;
}

/** Starts a long-running command in its own process group, output to `logFile`. */
export function startBackground(
  command: string,
  args: readonly string[],
  options: { readonly cwd: string; readonly logFile: string; readonly env?: NodeJS.ProcessEnv },
): Background {
  const log = createWriteStream(options.logFile);
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      const pid = child.pid;
      signalGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      // Stragglers of the group (extension host, file watcher) go too.
      signalGroup(pid, 'SIGKILL');
      log.end();
    },
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
