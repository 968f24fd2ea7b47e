/**
 * A Corporate Parenting Panel report as councils write them: twelve indicators (twin
 * counts of children and incidents among them), three comparators published a year
 * behind, eight quarters of figures, a summary, a scorecard, the exception view, cards
 * and charts. Made here rather than kept as a file so its size can be read from the code.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

interface Spec {
  readonly id: string;
  readonly title: string;
  readonly unit: 'percent' | 'count' | 'rate_per_10000' | 'days';
  readonly polarity: 'higher' | 'lower' | 'band' | 'none';
  readonly countingUnit: string;
  readonly start: number;
  readonly step: number;
  readonly target?: number;
  readonly band?: readonly [number, number];
  readonly decimals?: number;
}

export const INDICATORS: readonly Spec[] = [
  {
    id: 'CP01',
    title: 'Care leavers aged 19 to 21 in education, employment or training',
    unit: 'percent',
    polarity: 'higher',
    countingUnit: 'care leavers',
    start: 52,
    step: 1,
    target: 62,
  },
  {
    id: 'CP02',
    title: 'Care leavers aged 19 to 21 in suitable accommodation',
    unit: 'percent',
    polarity: 'higher',
    countingUnit: 'care leavers',
    start: 84,
    step: 1,
    target: 88,
  },
  {
    id: 'CP03',
    title: 'Children and family assessments completed within 45 working days',
    unit: 'percent',
    polarity: 'higher',
    countingUnit: 'assessments',
    start: 74,
    step: -1,
    target: 80,
  },
  {
    id: 'CP04',
    title: 'Children looked after with an up-to-date care plan',
    unit: 'percent',
    polarity: 'higher',
    countingUnit: 'children',
    start: 80,
    step: 0.5,
    target: 85,
  },
  {
    id: 'CP05',
    title: 'Children looked after with three or more placements in the last 12 months',
    unit: 'percent',
    polarity: 'lower',
    countingUnit: 'children',
    start: 11.4,
    step: -0.2,
    target: 10,
    decimals: 1,
  },
  {
    id: 'CP06',
    title: 'Children becoming subject of a child protection plan for a second or subsequent time',
    unit: 'percent',
    polarity: 'band',
    countingUnit: 'children',
    start: 19,
    step: 0.6,
    band: [16, 23],
  },
  {
    id: 'CP07',
    title: 'Children looked after who went missing in the month',
    unit: 'count',
    polarity: 'none',
    countingUnit: 'children',
    start: 14,
    step: 0.4,
  },
  {
    id: 'CP07I',
    title: 'Missing incidents of children looked after in the month',
    unit: 'count',
    polarity: 'none',
    countingUnit: 'incidents',
    start: 35,
    step: 1.3,
  },
  {
    id: 'CP09',
    title: 'Children looked after per 10,000 children under 18',
    unit: 'rate_per_10000',
    polarity: 'none',
    countingUnit: 'children',
    start: 52,
    step: 0.3,
    decimals: 1,
  },
  {
    id: 'CP10',
    title: 'Average days between entering care and moving in with an adoptive family',
    unit: 'days',
    polarity: 'lower',
    countingUnit: 'children',
    start: 420,
    step: -6,
    target: 400,
  },
  {
    id: 'CP11',
    title: 'Initial health assessments completed within 20 working days',
    unit: 'percent',
    polarity: 'higher',
    countingUnit: 'children',
    start: 60,
    step: 2,
    target: 80,
  },
  {
    id: 'CP12',
    title: 'Review health assessments completed on time',
    unit: 'percent',
    polarity: 'higher',
    countingUnit: 'children',
    start: 90,
    step: 0.5,
    target: 90,
  },
];

const QUARTERS = [
  '2022/23 Q1',
  '2022/23 Q2',
  '2022/23 Q3',
  '2022/23 Q4',
  '2023/24 Q1',
  '2023/24 Q2',
  '2023/24 Q3',
  '2023/24 Q4',
];
export const COMPARATORS = ['England', 'London', 'Statistical neighbours'] as const;

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** The i-th quarter's figure, with a wobble so lines are not straight and a dip in Q3 2023/24. */
export function valueAt(spec: Spec, i: number): number {
  const wobble = (i % 3) - 1 + (i === 6 ? -2 : 0);
  return round(spec.start + spec.step * i + wobble * Math.abs(spec.step || 1), spec.decimals ?? 0);
}

function dataYaml(): string {
  const lines = [
    `comparators: [${COMPARATORS.join(', ')}]`,
    'small_number_threshold: 5',
    'indicators:',
  ];
  for (const spec of INDICATORS) {
    const decimals = spec.decimals ?? 0;
    lines.push(
      `  - id: ${spec.id}`,
      `    title: ${spec.title}`,
      `    unit: ${spec.unit}`,
      `    decimals: ${decimals}`,
      `    polarity: ${spec.polarity}`,
      `    counting_unit: ${spec.countingUnit}`,
      '    tags: [panel]',
    );
    if (spec.band) lines.push(`    band: [${spec.band.join(', ')}]`);
    if (spec.target !== undefined) {
      lines.push(
        '    targets:',
        `      - { period: 2022/23, value: ${spec.target} }`,
        `      - { period: 2023/24, value: ${spec.target} }`,
      );
    }
    lines.push('    values:');
    QUARTERS.forEach((period, i) => {
      lines.push(`      - { period: ${period}, value: ${valueAt(spec, i)} }`);
    });
    if (spec.unit !== 'count') {
      lines.push('    benchmarks:');
      COMPARATORS.forEach((comparator, c) => {
        for (const [year, shift] of [
          ['2021/22', 0],
          ['2022/23', 1],
        ] as const) {
          lines.push(
            `      - { comparator: ${comparator}, period: ${year}, value: ${round(spec.start + c + shift, decimals)} }`,
          );
        }
      });
    }
  }
  return `${lines.join('\n')}\n`;
}

function report(): string {
  const ids = INDICATORS.map((s) => s.id).join(',');
  const cards = INDICATORS.map(
    (spec) => `:::indicator{id=${spec.id}}
In the quarter the figure was :value{id=${spec.id}} (:rag{id=${spec.id}}); :change{id=${spec.id}}.
The service reviewed every case that fell outside timescales with the team managers, and the
improvement plan agreed with the panel in January is on track for its next milestone.
:::

${spec.unit === 'count' ? '' : `::chart{id=${spec.id} periods=8 benchmarks="England,London,Statistical neighbours"}\n`}`,
  );
  return `---
title: Corporate Parenting Panel performance report
meeting: Corporate Parenting Panel, 15 July 2024
period: 2023/24 Q4
data: indicators.yaml
classification: public
---

This report sets out performance for children in care and care leavers in Q4 2023/24
(January to March 2024), with the trend over two years, the 2023/24 targets and the latest
published benchmarks, each with its own period.

::summary{tag=panel}

::scorecard{ids="${ids}"}

## Indicators off target

::scorecard{tag=panel status="red,amber"}

## Children missing from care

In the last month of the quarter :value{id=CP07} went missing, in :value{id=CP07I} separate
incidents.

::chart{ids="CP07,CP07I" periods=8}

## The indicators in detail

${cards.join('\n')}`;
}

/** Writes the report and its data file into `folder`; returns the report's path and text. */
export async function writeGeneratedReport(
  folder: string,
): Promise<{ path: string; text: string }> {
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'indicators.yaml'), dataYaml());
  const text = report();
  const path = join(folder, 'panel-report.md');
  await writeFile(path, text);
  return { path, text };
}
