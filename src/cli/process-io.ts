/**
 * The CLI's standard output and error. A reader that stops early closes the pipe
 * (`scorecard figures r.md --format json | head`): what is left has nowhere to go, which
 * is no failure of the command, so it finishes its work (an export still writes its files
 * whole) and prints nothing more, instead of dying on an unhandled EPIPE.
 */
import type { CliIo } from './main.js';

function guarded(stream: NodeJS.WriteStream, name: string): (text: string) => void {
  let open = true;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    open = false;
    if (error.code !== 'EPIPE' && stream !== process.stderr && process.stderr.writable)
      process.stderr.write(`scorecard: cannot write to ${name}: ${error.message}\n`);
  });
  return (text) => {
    if (open) stream.write(text + '\n');
  };
}

export function processIo(): CliIo {
  return {
    out: guarded(process.stdout, 'standard output'),
    err: guarded(process.stderr, 'standard error'),
  };
}
