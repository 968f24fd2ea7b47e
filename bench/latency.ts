/**
 * The keystroke-to-preview section of bench/RESULTS.md. The figures come from the real
 * VS Code suite (`npm run test:e2e`, test/e2e/suite/latency-tests.ts), which writes
 * test-results/e2e/latency.json; `npm run bench -- --latency` runs only those tests when
 * no such file exists (or with `--latency=run`, always), then writes this section alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LatencyResults } from '../test/e2e/protocol.js';

export const LATENCY_START = '<!-- latency -->';
export const LATENCY_END = '<!-- /latency -->';
/** The ratio the issue sets: the Scorecard preview no slower than VS Code's own. */
const TARGET_RATIO = 1.0;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function latencyFile(root: string): string {
  return join(root, 'test-results', 'e2e', 'latency.json');
}

/** Runs the latency tests alone in code-server; true when they wrote their figures. */
export function runLatencyTests(root: string): boolean {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join('test', 'e2e', 'run.ts')], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, SCORECARD_E2E_GREP: 'keystroke to preview' },
  });
  return run.status === 0 && existsSync(latencyFile(root));
}

export function readLatency(root: string): LatencyResults | undefined {
  const file = latencyFile(root);
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as LatencyResults;
}

/** Whether every size met the target ratio (undefined: nothing measured). */
export function latencyMet(results: LatencyResults | undefined): boolean | undefined {
  if (!results || results.sizes.length === 0) return undefined;
  return results.sizes.every((size) => size.ratio <= TARGET_RATIO);
}

export function latencySection(results: LatencyResults | undefined): string[] {
  const lines = [
    LATENCY_START,
    '## Keystroke to preview, against VS Code’s own Markdown preview (issue 13)',
    '',
    'Command: `npm run test:e2e` measures it (the last tests of the real-VS-Code suite, in',
    'code-server with the packaged .vsix) and writes `test-results/e2e/latency.json`;',
    '`npm run bench -- --latency` writes this section from that file (running only those tests',
    'first when it is missing; `--latency=run` always runs them). On generated reports (a card, a',
    'chart and narrative per indicator), both previews open side by side on the same file: one',
    'character is inserted in the middle paragraph, and the time runs until the new text is in each',
    'preview\'s DOM and the next animation frame has been drawn ("on screen"); "in the DOM" stops at',
    'the DOM change (the two webviews can share one renderer thread, so one paint may wait for the',
    "other's work). Medians of the repetitions after two warm-up ones; target: Scorecard / VS Code",
    `≤ ${TARGET_RATIO.toFixed(1)} on screen. Recorded, never asserted.`,
    '',
  ];
  if (!results || results.sizes.length === 0) {
    lines.push('Not measured yet: run `npm run bench -- --latency`.', LATENCY_END);
    return lines;
  }
  lines.push(
    `Measured ${results.measuredAt.slice(0, 16).replace('T', ' ')} UTC in VS Code ${results.vscodeVersion} (code-server)${results.loadAverage === undefined ? '' : `; load average ${results.loadAverage.toFixed(1)} on ${results.cores ?? '?'} cores`}. "Render posted" is the extension host's share: from the edit to the Scorecard render posted to its webview (wait included).`,
    '',
    '| indicators | Scorecard, on screen (median ms) | VS Code, on screen | ratio | target | Scorecard, in the DOM | VS Code, in the DOM | ratio | Scorecard, render posted |',
    '|---:|---:|---:|---:|---|---:|---:|---:|---:|',
  );
  for (const size of results.sizes) {
    lines.push(
      `| ${size.indicators} | ${size.scorecardMedianMs} | ${size.markdownMedianMs} | ${size.ratio.toFixed(2)} | ${size.ratio <= TARGET_RATIO ? 'met' : 'missed'} | ${size.scorecardDomMedianMs} | ${size.markdownDomMedianMs} | ${size.domRatio.toFixed(2)} | ${size.scorecardHostMs ? median(size.scorecardHostMs) : ''} |`,
    );
  }
  lines.push('', 'Each run (ms, on screen / in the DOM):', '');
  for (const size of results.sizes) {
    lines.push(
      `- ${size.indicators} indicators: Scorecard ${size.scorecardMs.join(', ')} / ${size.scorecardDomMs.join(', ')}; VS Code ${size.markdownMs.join(', ')} / ${size.markdownDomMs.join(', ')}`,
    );
  }
  lines.push(LATENCY_END);
  return lines;
}

/** `previous` with the latency section replaced (or put before "## All figures"). */
export function withLatencySection(previous: string, section: readonly string[]): string {
  const text = section.join('\n');
  const start = previous.indexOf(LATENCY_START);
  const end = previous.indexOf(LATENCY_END);
  if (start !== -1 && end !== -1)
    return previous.slice(0, start) + text + previous.slice(end + LATENCY_END.length);
  return previous.replace('## All figures', `${text}\n\n## All figures`);
}
