/**
 * `node --import tsx bench/check-edit.ts`: what `engine.check` costs on a one-character
 * edit (the Problems panel's path when no preview is open), on the benchmark's reports
 * (bench/generate.ts) of 100 and 1000 indicators: the median of 200 edits after a first
 * check, each edit a new string as an editor hands it over.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliHost } from '../src/cli/host.js';
import { createEngine } from '../src/engine/index.js';
import { middleEdits, writeReport } from './generate.js';

const dir = mkdtempSync(join(tmpdir(), 'scorecard-check-edit-'));
try {
  for (const count of [100, 1000]) {
    const report = writeReport(dir, count);
    const path = report.reportPath;
    const text = report.markdown;
    const engine = createEngine({ host: cliHost(undefined) });
    await engine.check(text, { path });
    const typed = middleEdits(text, count);
    const times: number[] = [];
    for (let run = 0; run < 200; run++) {
      const edited = typed(run);
      const start = performance.now();
      await engine.check(edited, { path });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    process.stdout.write(
      `${count} indicators: check after a one-character edit, median ${times[100]!.toFixed(2)} ms\n`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
