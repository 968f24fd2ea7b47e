// The CLI run in-process, as the CLI tests drive it: the bundled bin is tested separately.
import { runCli } from '../src/cli/main.js';

/** Runs the CLI in `cwd`, capturing what it prints and its exit code. */
export async function cli(
  argv: string[],
  cwd: string,
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    process.chdir(previous);
  }
}
