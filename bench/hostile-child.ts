/**
 * One hostile report, timed in its own process: `node --import tsx bench/hostile-child.ts
 * INDEX FACE RUNS`. Prints one JSON line: each run's milliseconds, the peak memory, and
 * what the engine answered (refused at a line, or accepted).
 */
import { createEngine } from '../src/engine/index.js';
import { cliHost } from '../src/cli/host.js';
import { HOSTILE, HOSTILE_HEAD } from './hostile.js';

const [indexText = '0', face = 'check', runsText = '3'] = process.argv.slice(2);
const hostile = HOSTILE[Number(indexText)];
if (!hostile) throw new Error(`No hostile case ${indexText}`);
const text = HOSTILE_HEAD + hostile.body();
const path = '/hostile/report.md';
const times: number[] = [];
let outcome = '';
for (let run = 0; run < Number(runsText); run++) {
  const engine = createEngine({ host: cliHost(undefined) });
  const start = performance.now();
  const messages =
    face === 'render'
      ? (await engine.render(text, { path })).messages
      : await engine.check(text, { path });
  times.push(performance.now() - start);
  const refusal = messages.find((message) => message.ruleId === 'input-too-large');
  outcome = refusal ? `refused at line ${refusal.line}` : `accepted, ${messages.length} messages`;
}
process.stdout.write(
  JSON.stringify({
    times,
    maxRssKb: process.resourceUsage().maxRSS,
    outcome,
    kb: Math.round(Buffer.byteLength(text) / 1024),
  }) + '\n',
);
