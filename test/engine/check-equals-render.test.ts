import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { createEngine } from '../../src/engine/index.js';
import type { Message, RenderMode } from '../../src/engine/index.js';

/**
 * `check` (parse, resolve, disclose) gives exactly the messages `render` gives, except
 * the public gate's: the gate reads the finished document, which `check` never builds.
 * It is a second, independent look at what the first look already refused, so a clean
 * `check` with a refused export means the pipeline is wrong, not the report.
 */
const MODES: readonly RenderMode[] = ['preview', 'public', 'exempt'];
const root = fileURLToPath(new URL('../../', import.meta.url));

function withoutGate(messages: readonly Message[]): Message[] {
  return messages.filter((message) => message.ruleId !== 'public-gate');
}

async function assertSame(text: string, path: string, mode: RenderMode, allowSmall = false) {
  const options = { path, mode, allowSmallNumbers: allowSmall };
  const checked = await createEngine().check(text, options);
  const rendered = await createEngine().render(text, options);
  assert.deepEqual(withoutGate(rendered.messages), [...checked], `${path} (${mode})`);
  return new Set(checked.map((message) => message.ruleId));
}

describe('check gives exactly the messages of render', () => {
  const reports = [
    join(root, 'samples', 'children-in-care-q4-2023-24.md'),
    join(root, 'samples', 'broken.md'),
    ...readdirSync(join(root, 'test', 'fixtures', 'render'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(root, 'test', 'fixtures', 'render', entry.name, 'input.md')),
  ];
  for (const path of reports) {
    it(`on ${path.slice(root.length)}, in every mode`, async () => {
      const text = readFileSync(path, 'utf8');
      for (const mode of MODES) await assertSame(text, path, mode);
    });
  }

  describe('on generated reports', () => {
    let work: string;
    before(() => {
      work = mkdtempSync(join(tmpdir(), 'scorecard-check-render-'));
      mkdirSync(join(work, 'data'));
    });
    after(() => rmSync(work, { recursive: true, force: true }));

    const indicator = fc.record({
      count: fc.boolean(),
      values: fc.array(fc.oneof(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 9, max: 400 })), {
        minLength: 1,
        maxLength: 6,
      }),
      partOfFirst: fc.boolean(),
      target: fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
      benchmark: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
    });
    const BLOCKS = [
      (id: string) => `:::indicator{id=${id}}\nStood at :value{id=${id}}, :change{id=${id}}.\n:::`,
      (id: string) => `::indicator{id=${id}}`,
      (id: string) => `::chart{id=${id} periods=4 benchmarks="England"}`,
      (id: string) =>
        `The figure is :value{id=${id}} (:rag{id=${id}}), England :benchmark{id=${id} vs=England}.`,
      (id: string) => `Last year: :value{id=${id} period="2022/23 Q4"}; :target{id=${id}}.`,
      (id: string) => `::scorecard{ids="${id},I1"}`,
      (id: string) => `::summary{ids="${id}"}`,
      (id: string) => `Mistyped: :value{id=${id}X}.`,
    ];
    const QUARTERS = [
      '2022/23 Q3',
      '2022/23 Q4',
      '2023/24 Q1',
      '2023/24 Q2',
      '2023/24 Q3',
      '2023/24 Q4',
    ];

    it('with small numbers, totals and parts, periods and modes varied', async () => {
      const rules = new Set<string>();
      await fc.assert(
        fc.asyncProperty(
          fc.array(indicator, { minLength: 1, maxLength: 4 }),
          fc.array(fc.tuple(fc.nat({ max: BLOCKS.length - 1 }), fc.nat({ max: 3 })), {
            minLength: 1,
            maxLength: 8,
          }),
          fc.constantFrom('2023/24 Q4', '2023/24 Q2', '2024/25 Q1', '2023/24 Q9', undefined),
          fc.constantFrom(...MODES),
          fc.boolean(),
          async (indicators, blocks, period, mode, allowSmall) => {
            const data = ['comparators: [England]', 'indicators:'];
            indicators.forEach((spec, i) => {
              data.push(
                `  - id: I${i + 1}`,
                `    title: Indicator ${i + 1}`,
                `    unit: ${spec.count ? 'count' : 'percent'}`,
                '    decimals: 0',
                '    polarity: higher',
                ...(spec.partOfFirst && i > 0 ? ['    part_of: I1'] : []),
                ...(spec.target === undefined
                  ? []
                  : ['    targets:', `      - { period: 2023/24, value: ${spec.target} }`]),
                '    values:',
                ...spec.values.map(
                  (value, q) =>
                    `      - { period: ${QUARTERS[q] ?? '2023/24 Q4'}, value: ${value} }`,
                ),
                ...(spec.benchmark === undefined
                  ? []
                  : [
                      '    benchmarks:',
                      `      - { comparator: England, period: 2022/23, value: ${spec.benchmark} }`,
                    ]),
              );
            });
            writeFileSync(join(work, 'data', 'indicators.yaml'), data.join('\n') + '\n');
            const text = [
              '---',
              'title: Generated',
              ...(period === undefined ? [] : [`period: ${period}`]),
              'data: data/indicators.yaml',
              'classification: public',
              '---',
              '',
              ...blocks.map(([kind, which]) => {
                const id = `I${(which % indicators.length) + 1}`;
                return `${BLOCKS[kind]!(id)}\n`;
              }),
            ].join('\n');
            for (const rule of await assertSame(text, join(work, 'report.md'), mode, allowSmall))
              rules.add(rule);
          },
        ),
        { numRuns: 30 },
      );
      // The reports were varied enough to raise the messages that matter here.
      for (const rule of ['small-number', 'unknown-indicator'])
        assert.ok(rules.has(rule), `${rule} never raised: ${[...rules].join(', ')}`);
    });
  });
});
