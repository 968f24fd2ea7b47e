/**
 * The YAML quick reader against the `yaml` package on the benchmark's 100-indicator data
 * file (118 KB), each in new processes, alternating which goes first:
 * `node --import tsx bench/yaml-parse.ts [ROUNDS]`. Prints the medians of the cold parse
 * (the first in a new process, modules already loaded) and of the warm parses (the rest),
 * in wall and CPU milliseconds. Not part of `npm run bench`; bench/notes.md quotes it.
 *
 * A child, `node --import tsx bench/yaml-parse.ts child quick|yaml RUNS`, parses the file
 * RUNS times and prints one JSON line of wall and CPU times.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseStructured, readWithYamlPackage } from '../src/engine/data/read-structured.js';
import { dataYaml } from './generate.js';

const [first = '10', mode = 'quick', runsText = '30'] = process.argv.slice(2);

interface Times {
  readonly wall: number[];
  readonly cpu: number[];
}

function child(): void {
  const text = Buffer.from(dataYaml(100)).toString(); // flat, as read from a file
  const read = mode === 'yaml' ? readWithYamlPackage : parseStructured;
  const times: Times = { wall: [], cpu: [] };
  for (let run = 0; run < Number(runsText); run++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const parsed = read(text, 'indicators.yaml');
    times.wall.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    times.cpu.push((used.user + used.system) / 1000);
    if (parsed.messages.length > 0) throw new Error('the benchmark file did not parse');
  }
  process.stdout.write(JSON.stringify(times) + '\n');
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

function driver(rounds: number): void {
  const self = fileURLToPath(import.meta.url);
  const results: Record<string, { cold: Times; warm: Times }> = {};
  for (const name of ['quick', 'yaml'])
    results[name] = { cold: { wall: [], cpu: [] }, warm: { wall: [], cpu: [] } };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? ['quick', 'yaml'] : ['yaml', 'quick'];
    for (const name of order) {
      const output = execFileSync(process.execPath, ['--import', 'tsx', self, 'child', name, '30']);
      const times = JSON.parse(output.toString()) as Times;
      const into = results[name]!;
      into.cold.wall.push(times.wall[0]!);
      into.cold.cpu.push(times.cpu[0]!);
      into.warm.wall.push(median(times.wall.slice(1)));
      into.warm.cpu.push(median(times.cpu.slice(1)));
    }
  }
  for (const [name, { cold, warm }] of Object.entries(results)) {
    const ms = (value: number): string => value.toFixed(1).padStart(7);
    console.log(
      `${name.padEnd(6)} cold ${ms(median(cold.wall))} ms wall ${ms(median(cold.cpu))} ms CPU` +
        `   warm ${ms(median(warm.wall))} ms wall ${ms(median(warm.cpu))} ms CPU` +
        `   (${rounds} processes each)`,
    );
  }
}

if (first === 'child') child();
else driver(Number(first));
