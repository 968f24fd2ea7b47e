/**
 * `node --import tsx bench/claims.ts`: what the narrative-claim rule costs on the
 * benchmark's reports (bench/generate.ts), as written and with a typed claim in every
 * narrative paragraph (a figure, a direction word and a comparison, all three
 * contradicted). It times the rule's own pass over the parsed tree, the median of 15
 * runs after 5 warm-up runs, beside a whole `check` of the same report.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkClaims } from '../src/engine/claims/check-claims.js';
import type { ResolveContext } from '../src/engine/directives/context.js';
import { createEngine } from '../src/engine/index.js';
import { parsePeriod } from '../src/engine/periods.js';
import { parseReport } from '../src/engine/report/parse-report.js';
import { writeReport } from './generate.js';

const median = (times: number[]): number => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? 0;
};

const dir = mkdtempSync(join(tmpdir(), 'scorecard-claims-bench-'));
try {
  for (const count of [100, 1000]) {
    const report = writeReport(dir, count);
    const engine = createEngine();
    const { catalogue } = await engine.catalogue(report.markdown, { path: report.reportPath });
    const variants = {
      'as written': report.markdown,
      'a contradicted claim in every narrative': report.markdown.replace(
        /compares with a\n/g,
        'compares with 64% last quarter, an improvement, and is above the England average and a\n',
      ),
    };
    for (const [name, text] of Object.entries(variants)) {
      let found = 0;
      const ctx = {
        catalogue,
        reportPeriod: parsePeriod('2023/24 Q4'),
        mode: 'exempt',
        report: () => void found++,
      } as unknown as ResolveContext;
      const times: number[] = [];
      for (let run = 0; run < 20; run++) {
        const tree = parseReport(text);
        found = 0;
        const start = performance.now();
        checkClaims(tree, text, ctx);
        if (run >= 5) times.push(performance.now() - start);
      }
      const checks: number[] = [];
      for (let run = 0; run < 3; run++) {
        const start = performance.now();
        await engine.check(text, { path: report.reportPath });
        checks.push(performance.now() - start);
      }
      process.stdout.write(
        `${count} indicators, ${name}: narrative-claim ${median(times).toFixed(1)} ms (${found} warnings); whole check ${median(checks).toFixed(0)} ms\n`,
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
