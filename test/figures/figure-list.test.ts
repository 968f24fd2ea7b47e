import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { createEngine, createNodeHost, figureIdentity } from '../../src/engine/index.js';
import type { FigureRecord, RenderMode, RenderResult } from '../../src/engine/index.js';
import { normalisePrinted } from '../../src/engine/figures/figure-log.js';
import { DFE_DIR, REPO } from '../ees/dfe-files.js';
import { writeGeneratedReport } from '../browser/generated-report.js';

/**
 * The figure list a render makes (`RenderResult.figures`) against the page it made: every
 * record is printed where it says, and every figure a directive prints is in the list.
 */

interface Report {
  readonly name: string;
  readonly path: string;
  readonly text: string;
  readonly dfe?: string;
}

/** Visible text of some hast, skipping what a reader never sees as text (SVG, the figure list). */
function textOf(nodes: readonly RootContent[], skip: (node: Element) => boolean = () => false) {
  let out = '';
  const walk = (node: RootContent) => {
    if (node.type === 'text') out += node.value;
    else if (node.type === 'element') {
      if (node.tagName === 'svg' || node.tagName === 'template' || skip(node)) return;
      if (node.properties['className'] && classes(node).includes('sc-vh')) return;
      node.children.forEach(walk);
      // Block ends read as a break, so two cells never run into one number.
      out += ' ';
    }
  };
  nodes.forEach(walk);
  return normalisePrinted(out);
}

function classes(node: Element): string[] {
  const value = node.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
}

async function render(report: Report, mode: RenderMode): Promise<RenderResult> {
  const engine = createEngine(
    report.dfe ? { host: createNodeHost({ dfeDataFolder: report.dfe }) } : {},
  );
  return engine.render(report.text, { path: report.path, mode, allowSmallNumbers: true });
}

describe('the figure list of a render', function () {
  this.timeout(120_000);
  let folder: string;
  const reports: Report[] = [];
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'scorecard-figure-list-'));
    const generated = await writeGeneratedReport(join(folder, 'generated'));
    const sample = join(REPO, 'samples', 'children-in-care-q4-2023-24.md');
    const dfe = join(REPO, 'samples', 'dfe', 'haringey-published-statistics.md');
    reports.push(
      { name: 'the sample', path: sample, text: readFileSync(sample, 'utf8') },
      { name: 'the DfE sample', path: dfe, text: readFileSync(dfe, 'utf8'), dfe: DFE_DIR },
      { name: 'a generated report', ...generated },
    );
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  for (const mode of ['public', 'exempt', 'preview'] as const) {
    it(`${mode}: every record is printed, at a directive, from a line of its data`, async () => {
      for (const report of reports) {
        const result = await render(report, mode);
        assert.ok(result.figures.length > 20, `${report.name}: ${result.figures.length} figures`);
        const shown = textOf(fromHtml(result.body, { fragment: true }).children);
        const lines = report.text.split('\n');
        const kinds = new Set<string>();
        for (const figure of result.figures) {
          const where = `${report.name}: ${JSON.stringify(figure)}`;
          kinds.add(figure.kind);
          assert.ok(figure.text.length > 0 && shown.includes(figure.text), `not printed: ${where}`);
          assert.equal(figure.place.file, report.path);
          const at = lines[figure.place.line - 1]?.slice(figure.place.column - 1) ?? '';
          assert.match(at, /^:{1,3}[a-z]/, `not at a directive: ${where}`);
          if (figure.suppressed) {
            assert.equal(figure.value, null, where);
            assert.doesNotMatch(figure.text, /\d/, where);
          }
          const source = figure.source;
          if (source && /\.(yaml|json|csv)$/.test(source.file) && figure.value !== null) {
            assert.ok(result.dataFiles.includes(source.file), where);
            const line = readFileSync(source.file, 'utf8').split('\n')[source.line - 1];
            // The neighbours' mean is worked out; its source is the neighbour list's row.
            const worked =
              report.dfe !== undefined && figure.comparator === 'Statistical neighbours';
            if (
              !worked &&
              (figure.kind === 'value' || figure.kind === 'benchmark' || figure.kind === 'target')
            )
              assert.ok(line?.includes(String(figure.value)), `source line "${line}": ${where}`);
          }
        }
        if (report.dfe) {
          for (const kind of ['rank', 'quartile', 'benchmark'])
            assert.ok(kinds.has(kind), `${report.name}: no ${kind}`);
        }
      }
    });
  }

  it('every figure a directive prints is in the list (completeness)', async () => {
    for (const report of reports) {
      const result = await render(report, 'preview');
      const tree: Root = fromHtml(result.body, { fragment: true });
      const blocks = tree.children.filter(
        (node): node is Element =>
          node.type === 'element' && node.properties['dataLine'] !== undefined,
      );
      const lines = report.text.split('\n');
      blocks.forEach((block, index) => {
        const first = Number(block.properties['dataLine']);
        const next = blocks[index + 1];
        const last = next ? Number(next.properties['dataLine']) - 1 : lines.length;
        const records = result.figures.filter(
          (figure) => figure.place.line >= first && figure.place.line <= last,
        );
        // What the author typed around the directives may hold numbers of its own.
        const authored = lines
          .slice(first - 1, last)
          .join(' ')
          .replace(/:{1,3}[a-z][\w-]*(\[[^\]]*\])?(\{[^}]*\})?/gi, ' ');
        const printed = withoutLabels(textOf([block], isLabel));
        for (const token of printed.match(FIGURE_TOKEN) ?? []) {
          const covered =
            records.some((figure) => figure.text.includes(token)) || authored.includes(token);
          assert.ok(
            covered,
            `${report.name}, lines ${first}-${last}: "${token}" is printed but in no record\n${printed}`,
          );
        }
      });
    }
  });

  it('the block cache gives the list a fresh render gives, after an edit that moves blocks', async () => {
    for (const report of reports) {
      const engine = createEngine(
        report.dfe ? { host: createNodeHost({ dfeDataFolder: report.dfe }) } : {},
      );
      const options = { path: report.path, mode: 'public' as const, allowSmallNumbers: true };
      await engine.render(report.text, options);
      // Three lines above everything after the front matter: every later block moves.
      const end = report.text.indexOf('\n---', 4) + 5;
      const edited = `${report.text.slice(0, end)}\nA new paragraph.\n\n${report.text.slice(end)}`;
      const cached = await engine.render(edited, options);
      const fresh = await render({ ...report, text: edited }, 'public');
      assert.deepEqual(cached.figures, fresh.figures, report.name);
      const before = await render(report, 'public');
      assert.deepEqual(
        cached.figures.map((figure) => ({
          ...figure,
          place: { ...figure.place, line: figure.place.line - 3 },
        })),
        before.figures,
      );
    }
  });

  it('the whole-tree path gives the list the block path gives', async () => {
    for (const report of reports) {
      // An author `data-line` sends the render down the whole-tree path (block-render-cache.ts).
      const whole = `${report.text}\n<!-- data-line -->\n`;
      const blocks = await render(report, 'exempt');
      const tree = await render({ ...report, text: whole }, 'exempt');
      assert.deepEqual(tree.figures, blocks.figures, report.name);
    }
  });

  it('a JSON data file gives each figure its line', async () => {
    const json = {
      indicators: [
        {
          id: 'OP148',
          title: 'Care leavers in education, employment or training',
          unit: 'percent',
          decimals: 0,
          polarity: 'higher',
          targets: [{ period: '2023/24', value: 62 }],
          values: [
            { period: '2023/24 Q3', value: 55 },
            { period: '2023/24 Q4', value: 58 },
          ],
        },
      ],
    };
    const data = join(folder, 'json', 'data.json');
    mkdirSync(dirname(data), { recursive: true });
    writeFileSync(data, JSON.stringify(json, null, 2));
    const text =
      '---\ntitle: J\nperiod: 2023/24 Q4\ndata: data.json\n---\n\n:value{id=OP148} against :target{id=OP148}.\n';
    const result = await render(
      { name: 'json', path: join(folder, 'json', 'r.md'), text },
      'exempt',
    );
    const lines = readFileSync(data, 'utf8').split('\n');
    assert.deepEqual(
      result.figures.map((figure) => [figure.kind, figure.text, figure.source?.file]),
      [
        ['value', '58%', data],
        ['target', '62%', data],
      ],
    );
    // A JSON value's place is its object in the list: the value is on that line or just after.
    for (const figure of result.figures) {
      const at = (figure.source?.line ?? 0) - 1;
      assert.ok(
        lines
          .slice(at, at + 3)
          .join(' ')
          .includes(`"value": ${figure.value}`),
        lines[at],
      );
    }
  });

  it('lists a block directive inside a container once per place', async () => {
    const data = join(folder, 'nested', 'data.yaml');
    mkdirSync(dirname(data), { recursive: true });
    writeFileSync(
      data,
      'indicators:\n  - id: A1\n    title: Assessments\n    unit: percent\n    polarity: higher\n' +
        '    targets:\n      - { period: 2023/24, value: 80 }\n    values:\n' +
        '      - { period: 2022/23, value: 75 }\n      - { period: 2023/24, value: 82 }\n',
    );
    const text = [
      '---\ntitle: N\nperiod: 2023/24\ndata: data.yaml\nclassification: exempt\n---\n',
      ':::exempt\n::indicator{id=A1}\n\n::scorecard{ids="A1"}\n:::\n',
      ':::indicator{id=A1}\n::indicator{id=A1}\n:::\n',
    ].join('\n');
    for (const mode of ['exempt', 'preview'] as const) {
      const result = await render(
        { name: 'nested', path: join(folder, 'nested', 'r.md'), text },
        mode,
      );
      const seen = new Set<string>();
      for (const figure of result.figures) {
        const record = JSON.stringify(figure);
        assert.ok(!seen.has(record), `${mode}: listed twice: ${record}`);
        seen.add(record);
      }
      // Each card (inside the exempt block, inside another card, and that card) and the
      // scorecard row list the value once.
      const values = result.figures.filter((f) => f.kind === 'value' && f.period === '2023/24');
      assert.deepEqual(
        values.map((f) => f.place.line),
        [9, 11, 14, 15],
        mode,
      );
    }
  });

  it('names a suppressed breakdown category by its indicator and category', async () => {
    const data = join(folder, 'categories', 'data.yaml');
    mkdirSync(dirname(data), { recursive: true });
    writeFileSync(
      data,
      [
        'indicators:',
        '  - id: BYSEX',
        '    title: Children starting care, by sex',
        '    unit: count',
        '    polarity: none',
        '    breakdown: sex',
        '    values:',
        '      - { period: 2024/25, category: Girls, value: 28 }',
        '      - { period: 2024/25, category: Other, value: 2 }',
        '',
      ].join('\n'),
    );
    const text =
      '---\ntitle: C\nperiod: 2024/25\ndata: data.yaml\n---\n\nOther: :value{id=BYSEX category=Other}.\n\n::breakdown{id=BYSEX periods=1}\n';
    const path = join(folder, 'categories', 'r.md');
    const result = await render({ name: 'categories', path, text }, 'public');
    const other = result.figures.filter((figure) => figure.category === 'Other');
    assert.deepEqual(
      other.map((figure) => [figure.place.line, figure.indicator, figure.suppressed]),
      [
        [7, 'BYSEX', true],
        [9, 'BYSEX', true],
      ],
    );
    assert.ok(result.figures.every((figure) => !figure.indicator.includes('::')));
    const small = result.messages.filter((message) => message.ruleId === 'small-number');
    assert.ok(small.length > 0);
    for (const message of small) assert.match(message.reason, /BYSEX \(category "Other"\)/);
  });

  it('lists the counts a card prints beside its value, and none beside a suppressed one', async () => {
    const data = join(folder, 'counts', 'data.yaml');
    mkdirSync(dirname(data), { recursive: true });
    writeFileSync(
      data,
      [
        'indicators:',
        '  - id: EET',
        '    title: Care leavers in education, employment or training',
        '    unit: percent',
        '    decimals: 1',
        '    polarity: higher',
        '    counting_unit: care leavers',
        '    values:',
        '      - { period: 2023/24 Q4, value: 26.3, numerator: 21, denominator: 80 }',
        '  - id: FEW',
        '    title: Young people in custody',
        '    unit: percent',
        '    polarity: lower',
        '    values:',
        '      - { period: 2023/24 Q4, value: 40, numerator: 2, denominator: 5 }',
        '',
      ].join('\n'),
    );
    const text =
      '---\ntitle: C\nperiod: 2023/24 Q4\ndata: data.yaml\n---\n\n::indicator{id=EET}\n\n::indicator{id=FEW}\n\nIt stood at :value{id=EET}.\n';
    const path = join(folder, 'counts', 'r.md');
    for (const mode of ['public', 'exempt'] as const) {
      const result = await render({ name: 'counts', path, text }, mode);
      const values = result.figures.filter((figure) => figure.kind === 'value');
      assert.deepEqual(
        values.map((figure) => [figure.indicator, figure.numerator, figure.denominator]),
        [
          ['EET', 21, 80],
          // 2 of 5 is a small number: shown only in the exempt export.
          ['FEW', mode === 'exempt' ? 2 : undefined, mode === 'exempt' ? 5 : undefined],
          // A sentence prints no counts.
          ['EET', undefined, undefined],
        ],
        mode,
      );
      assert.match(result.body, /21 of 80 care leavers/);
    }
  });

  it('identities tell a figure apart from another and join its places', async () => {
    const result = await render(reports[0]!, 'exempt');
    const byIdentity = new Map<string, FigureRecord[]>();
    for (const figure of result.figures) {
      const key = figureIdentity(figure);
      byIdentity.set(key, [...(byIdentity.get(key) ?? []), figure]);
    }
    for (const same of byIdentity.values()) {
      const values = new Set(same.filter((f) => f.kind !== 'change').map((f) => f.value));
      assert.ok(values.size <= 1, JSON.stringify(same));
    }
    assert.ok(byIdentity.size < result.figures.length, 'some figure is shown in two places');
  });
});

/** A number as figures are printed: `58%`, `£7,214`, `1.2`, `19th`. */
const FIGURE_TOKEN = /£?\d+(,\d{3})*(\.\d+)?(%|st|nd|rd|th)?/g;

/**
 * Headings, captions and labels name periods and indicators, not figures. A chart's
 * description restates its table (recorded cell by cell) and the differences between them.
 */
function isLabel(node: Element): boolean {
  // A summary counts indicators (`▼ 2 Red`): no figure of any one of them, so none is
  // listed (a diff would otherwise see every listed indicator change with one).
  if (classes(node).includes('sc-summary__item')) return true;
  if (/^(h[1-6]|caption|th|dt|figcaption)$/.test(node.tagName)) return true;
  return classes(node).some((name) =>
    [
      'sc-card__title',
      'sc-card__period',
      'sc-card__unit',
      'sc-card__definition',
      'sc-summary__title',
      'sc-chart__subtitle',
      'sc-scorecard__period',
      'sc-chart__desc',
      'sc-note',
    ].includes(name),
  );
}

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December';

/** Periods, dates and ids printed beside figures are not figures. */
function withoutLabels(text: string): string {
  return text
    .replace(/\b\d{4}\/\d{2,4}\b/g, ' ')
    .replace(/\b[QH][1-4]\b/g, ' ')
    .replace(new RegExp(`\\b\\d{1,2} (${MONTHS})\\b`, 'g'), ' ')
    .replace(new RegExp(`\\b(${MONTHS})( \\d{4})?\\b`, 'g'), ' ')
    .replace(/\b\d{4}-\d{2}(-\d{2})?\b/g, ' ')
    .replace(/\b(19|20)\d{2}\b/g, ' ')
    .replace(/\b[A-Z][A-Z0-9]*(-[A-Z0-9]+)*\d[A-Z0-9]*\b/g, ' ');
}
