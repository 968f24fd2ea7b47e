/**
 * Synthetic annual reports for the benchmark: N indicators, each with a card (with
 * narrative inside), a trend chart and a paragraph of narrative, plus a data file that
 * gives every indicator eight quarters of values, targets and benchmarks. Figures are
 * derived from the indicator's number, so every run writes the same files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const QUARTERS = ['2022/23 Q1', '2022/23 Q2', '2022/23 Q3', '2022/23 Q4'].concat([
  '2023/24 Q1',
  '2023/24 Q2',
  '2023/24 Q3',
  '2023/24 Q4',
]);
const COMPARATORS = ['England', 'London', 'Statistical neighbours'];

/** The id of the i-th indicator (0-based): BM0001, BM0002... */
export function indicatorId(i: number): string {
  return `BM${String(i + 1).padStart(4, '0')}`;
}

/** Where the edit benchmarks type: a line of plain narrative, or one with inline figures. */
export type TypingLine = 'narrative' | 'figures';

/** What the author types, a character a keystroke. */
const TYPED = ' and the panel asked for the figures by locality at its next meeting, '.repeat(10);

/**
 * Keystrokes into a generated report of `count` indicators, in the middle indicator's
 * narrative: text `run` has the first `run + 1` characters of a sentence typed after
 * "reflects" (a line of words) or after ":value{...} compares" (a line with inline
 * figures). Each keystroke's text is new, as typing makes it: the edited block has not
 * been seen before, so it is parsed and resolved again (typing the same few characters
 * in turn would let the block cache answer). Each is made one new string, as an editor
 * hands its text over (VS Code's getText() joins the lines), not left as two halves
 * joined, which the engine's first look would copy into one.
 */
export function middleEdits(
  text: string,
  count: number,
  line: TypingLine = 'narrative',
): (run: number) => string {
  const id = indicatorId(Math.floor(count / 2));
  const anchor =
    line === 'narrative' ? `Performance on ${id} reflects` : `:value{id=${id}} compares`;
  const at = text.indexOf(anchor, text.indexOf(`Performance on ${id} reflects`)) + anchor.length;
  return (run) =>
    Buffer.from(
      text.slice(0, at) + TYPED.slice(0, (run % TYPED.length) + 1) + text.slice(at),
    ).toString();
}

/** Percent values between 40 and 95 that move a little each quarter. */
function valueAt(i: number, q: number): number {
  return 40 + ((i * 7 + q * 3 + ((i * q) % 5)) % 55);
}

export function dataYaml(count: number): string {
  const lines = [`comparators: [${COMPARATORS.join(', ')}]`, 'indicators:'];
  for (let i = 0; i < count; i++) {
    lines.push(
      `  - id: ${indicatorId(i)}`,
      `    title: Benchmark indicator ${i + 1} for children in care`,
      `    definition: A synthetic percentage measured every quarter.`,
      '    unit: percent',
      '    decimals: 0',
      `    polarity: ${i % 3 === 0 ? 'lower' : 'higher'}`,
      '    counting_unit: children',
      `    tags: [group-${i % 10}]`,
      '    targets:',
      `      - { period: 2022/23, value: ${valueAt(i, 2)}, tolerance: 5 }`,
      `      - { period: 2023/24, value: ${valueAt(i, 6)}, tolerance: 5 }`,
      '    values:',
      ...QUARTERS.map((period, q) => {
        const denominator = 200 + ((i * 13 + q) % 100);
        const value = valueAt(i, q);
        const numerator = Math.round((value * denominator) / 100);
        return `      - { period: ${period}, value: ${value}, numerator: ${numerator}, denominator: ${denominator} }`;
      }),
      '    benchmarks:',
      ...COMPARATORS.map(
        (comparator, c) =>
          `      - { comparator: ${comparator}, period: 2022/23, value: ${valueAt(i + c + 1, 3)} }`,
      ),
    );
  }
  return lines.join('\n') + '\n';
}

/** The narrative paragraph under indicator i; the edit benchmark types into it. */
export function narrative(i: number): string {
  const id = indicatorId(i);
  return [
    `Performance on ${id} reflects the work of the locality teams over the year. Managers`,
    `reviewed every case that fell outside timescales, and the service improvement board`,
    `has tracked the action plan monthly. The figure of :value{id=${id}} compares with a`,
    `target of :target{id=${id}}; the trend is :change{id=${id} compare=year}.`,
  ].join('\n');
}

export function reportMarkdown(count: number): string {
  const parts = [
    '---',
    `title: Annual performance report (${count} indicators)`,
    'meeting: Corporate Parenting Panel, 15 July 2024',
    'period: 2023/24 Q4',
    'data: data/indicators.yaml',
    'classification: public',
    '---',
    '',
    'This annual report sets out performance for children in care and care leavers in',
    '2023/24, with the trend over two years, the targets and the latest benchmarks.',
  ];
  for (let i = 0; i < count; i++) {
    const id = indicatorId(i);
    if (i % 10 === 0) parts.push('', `## Indicators ${i + 1} to ${Math.min(i + 10, count)}`);
    parts.push(
      '',
      `:::indicator{id=${id}}`,
      `Performance stood at :value{id=${id}} against a target of :target{id=${id}}`,
      `(:rag{id=${id}}); :change{id=${id}}. England: :benchmark{id=${id} vs=England}.`,
      ':::',
      '',
      `::chart{id=${id} periods=8 benchmarks="England,London"}`,
      '',
      narrative(i),
    );
  }
  return parts.join('\n') + '\n';
}

export interface GeneratedReport {
  readonly count: number;
  readonly reportPath: string;
  readonly dataPath: string;
  readonly markdown: string;
}

/** Writes `report-N.md` and `data/indicators-N.yaml` under `dir`. */
export function writeReport(dir: string, count: number): GeneratedReport {
  const folder = join(dir, `report-${count}`);
  mkdirSync(join(folder, 'data'), { recursive: true });
  const reportPath = join(folder, 'report.md');
  const dataPath = join(folder, 'data', 'indicators.yaml');
  const markdown = reportMarkdown(count);
  writeFileSync(dataPath, dataYaml(count));
  writeFileSync(reportPath, markdown);
  return { count, reportPath, dataPath, markdown };
}
