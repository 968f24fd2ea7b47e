import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { createEngine, readFigures, renderDocx } from '../../src/engine/index.js';
import type { FigureRecord } from '../../src/engine/index.js';
import { FiguresFormatError, figuresTemplate } from '../../src/engine/figures/embed.js';
import { renderDocument } from '../../src/engine/html/document.js';
import { publicGateProblems } from '../../src/engine/html/public-gate.js';
import { docxParts, visibleText } from '../docx/docx-parts.js';

const DATA = `indicators:
  - id: OP148
    title: Care leavers in education, employment or training
    unit: percent
    decimals: 0
    polarity: higher
    values:
      - { period: 2023/24 Q3, value: 55 }
      - { period: 2023/24 Q4, value: 58.3333 }
    targets:
      - { period: 2023/24, value: 62 }
  - id: OP419
    title: Children missing from care
    unit: count
    counting_unit: children
    decimals: 0
    polarity: lower
    values:
      - { period: 2023/24 Q3, value: 12 }
      - { period: 2023/24 Q4, value: 3 }
`;
const REPORT = `---
title: Figures
period: 2023/24 Q4
data: data/data.yaml
---

Now :value{id=OP148}, against a target of :target{id=OP148}.

Missing: :value{id=OP419}.

:::indicator{id=OP148}
Commentary.
:::
`;

const record: FigureRecord = {
  indicator: 'OP148',
  period: '2023/24 Q4',
  kind: 'value',
  text: '58%',
  value: 58,
  suppressed: false,
  source: { file: 'data/data.yaml', line: 9 },
  place: { file: 'report.md', line: 7, column: 5 },
};

function page(figures: readonly FigureRecord[] | undefined, bodyHtml = '<p>x</p>'): string {
  return renderDocument({
    title: 'T',
    classification: 'public',
    mode: 'public',
    bodyHtml,
    symbolsUsed: [],
    legend: [],
    generator: 'Scorecard Markdown test',
    ...(figures ? { figures } : {}),
  });
}

/** A document whose figure list holds `json` as it is (escaped as text). */
function withList(json: string): string {
  const escaped = json.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return page(undefined).replace(
    '</body>',
    `<template id="scorecard-figures">${escaped}</template>\n</body>`,
  );
}

function gate(html: string): string[] {
  return publicGateProblems({ html, file: '/r.md', exempt: [], publicSource: '' }).map(
    (m) => m.reason,
  );
}

describe('exports carry their figures', function () {
  this.timeout(60_000);
  let folder: string;
  let path: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'scorecard-figures-'));
    // The data in a folder of its own: exported paths keep the folder, relative.
    mkdirSync(join(folder, 'data'));
    writeFileSync(join(folder, 'data', 'data.yaml'), DATA);
    path = join(folder, 'report.md');
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  function render(mode: 'public' | 'exempt') {
    return createEngine().render(REPORT, { path, mode, allowSmallNumbers: true });
  }

  for (const mode of ['public', 'exempt'] as const) {
    it(`${mode}: the export holds the render's figures, paths relative to the report`, async () => {
      const result = await render(mode);
      assert.ok(result.figures.length >= 7, `${result.figures.length} figures`);
      const read = readFigures(result.html);
      assert.ok(read);
      assert.deepEqual(
        read,
        result.figures.map((figure) => ({
          ...figure,
          source: figure.source && { ...figure.source, file: 'data/data.yaml' },
          place: { ...figure.place, file: 'report.md' },
        })),
      );
      // Nothing of the machine: the report's folder is named nowhere in the file.
      assert.ok(!result.html.includes(folder), 'an absolute path in the export');
      assert.doesNotMatch(result.html, /<script/i);
      // One list, a child of the body, after everything a reader sees.
      const templates = result.html.match(/<template id="scorecard-figures">/g) ?? [];
      assert.equal(templates.length, 1);
      assert.match(
        result.html,
        /<\/footer>\n<template id="scorecard-figures">[^<]*<\/template>\n<\/body>/,
      );
    });
  }

  it('public: a suppressed figure is carried as printed, with no number', async () => {
    const result = await render('public');
    const missing = readFigures(result.html)?.filter((figure) => figure.indicator === 'OP419');
    assert.ok(missing && missing.length > 0);
    for (const figure of missing) {
      assert.equal(figure.suppressed, true);
      assert.equal(figure.value, null);
      assert.equal(figure.text, 'a suppressed number of children');
    }
    // The small number is nowhere in the list.
    const list = /<template id="scorecard-figures">([^<]*)<\/template>/.exec(result.html)?.[1];
    assert.ok(list !== undefined);
    const rows = (
      JSON.parse(list.replace(/&lt;/g, '<').replace(/&amp;/g, '&')) as {
        figures: unknown[][];
      }
    ).figures.filter((row) => row[0] === 'OP419');
    assert.ok(rows.length > 0);
    for (const row of rows) {
      assert.equal(row[6], null);
      assert.doesNotMatch(String(row[5]), /3/);
    }
  });

  it('carries no more precision than it prints', async () => {
    const result = await render('public');
    const value = result.figures.find((figure) => figure.kind === 'value');
    assert.deepEqual([value?.text, value?.value], ['58%', 58]);
    assert.doesNotMatch(result.html, /58\.33/);
  });

  it('exempt: the same figure is exact', async () => {
    const result = await render('exempt');
    const missing = result.figures.find((figure) => figure.indicator === 'OP419');
    assert.equal(missing?.value, 3);
    assert.equal(missing?.suppressed, false);
  });

  it('the Word export leaves the list out', async () => {
    const result = await render('exempt');
    const parts = docxParts(await renderDocx(result.html));
    const text = visibleText(parts['word/document.xml'] ?? '');
    assert.match(text, /58%/);
    assert.doesNotMatch(parts['word/document.xml'] ?? '', /scorecard-figures|"indicator"/);
  });

  it('the template is inert: parsed, its content is no part of the page', () => {
    const tree = fromHtml(page([record]));
    const body = tree.children
      .flatMap((node) => (node.type === 'element' ? node.children : []))
      .find((node) => node.type === 'element' && node.tagName === 'body');
    assert.ok(body?.type === 'element');
    const template = body.children.find(
      (node) => node.type === 'element' && node.tagName === 'template',
    );
    assert.ok(template?.type === 'element');
    assert.equal(template.children.length, 0);
  });
});

describe('the public gate and the figure list', () => {
  it('passes the one list an export carries', () => {
    assert.deepEqual(gate(page([record])), []);
  });

  it('refuses any other template, a second list, a list in the content or holding markup', () => {
    const base = page([record]);
    assert.match(
      gate(page(undefined, '<template id="other">x</template>')).join('\n'),
      /template> element that is not the figure list/,
    );
    assert.match(
      gate(page(undefined, '<template id="scorecard-figures">[]</template>')).join('\n'),
      /figure list outside the body/,
    );
    assert.match(
      gate(base.replace('</body>', `${figuresTemplate([])}</body>`)).join('\n'),
      /more than one figure list/,
    );
    assert.match(
      gate(withList('').replace('></template>', '><b>x</b></template>')).join('\n'),
      /figure list holds markup/,
    );
    assert.match(
      gate(
        page(undefined).replace(
          '</body>',
          '<template id="scorecard-figures" class="x">[]</template></body>',
        ),
      ).join('\n'),
      /not the figure list/,
    );
  });

  it('checks the list for exempt text like everything shown', () => {
    const leaky = { ...record, text: 'the child moved to a placement in Kent last week' };
    const problems = publicGateProblems({
      html: page([leaky]),
      file: '/r.md',
      exempt: [{ line: 3, text: 'The child moved to a placement in Kent last week.' }],
      publicSource: '',
    });
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.reason, /text from the exempt block/);
  });
});

const COLUMNS_V2 = JSON.stringify([
  ...['indicator', 'period', 'kind', 'comparator', 'category', 'text', 'value', 'state'],
  ...['suppressed', 'source', 'place'],
]);
const COLUMNS = JSON.stringify([
  ...['indicator', 'period', 'kind', 'comparator', 'category', 'text', 'value'],
  ...['numerator', 'denominator', 'state', 'suppressed', 'source', 'place'],
]);

describe('readFigures', () => {
  it('reads back what was written, text that looks like markup included', () => {
    const hostile = { ...record, text: '</template><script>alert(1)</script> & <b>' };
    const html = page([record, hostile]);
    assert.doesNotMatch(html, /<script/);
    assert.deepEqual(readFigures(html), [record, hostile]);
  });

  it('writes a table: the columns once, each file once, a row per record', () => {
    const counted = { ...record, numerator: 29, denominator: 50 };
    const html = page([counted, { ...record, kind: 'target', text: '62%', value: 62 }]);
    const list = /<template id="scorecard-figures">([^<]*)<\/template>/.exec(html)?.[1] ?? '';
    const parsed = JSON.parse(list) as Record<string, unknown>;
    assert.equal(parsed['version'], 3);
    assert.deepEqual(parsed['columns'], JSON.parse(COLUMNS));
    assert.deepEqual(parsed['files'], ['data/data.yaml', 'report.md']);
    assert.deepEqual((parsed['figures'] as unknown[])[0], [
      ...['OP148', '2023/24 Q4', 'value', null, null, '58%', 58, 29, 50, null, false],
      [0, 9],
      [1, 7, 5],
    ]);
    assert.equal(list.match(/report\.md/g)?.length, 1);
    assert.deepEqual(readFigures(html)?.[0], counted);
  });

  it('reads back a version 2 list (no counts), as earlier exports carry', () => {
    const json = `{"format":"scorecard-figures","version":2,"columns":${COLUMNS_V2},"files":["data/data.yaml","report.md"],"figures":[["OP148","2023/24 Q4","value",null,null,"58%",58,null,false,[0,9],[1,7,5]]]}`;
    assert.deepEqual(readFigures(withList(json)), [record]);
  });

  it('reads back a version 1 list (one object per record), as earlier exports carry', () => {
    const json = JSON.stringify({ format: 'scorecard-figures', version: 1, figures: [record] });
    assert.deepEqual(readFigures(withList(json)), [record]);
  });

  it('gives undefined for a document without a list', () => {
    assert.equal(readFigures(page(undefined)), undefined);
    assert.equal(readFigures('<p>scorecard-figures</p>'), undefined);
    assert.equal(readFigures(''), undefined);
  });

  const malformed: Array<[string, string, RegExp]> = [
    ['not JSON', '{"format":', /not JSON/],
    ['another format', '{"format":"other","version":1,"figures":[]}', /does not say/],
    ['a later version', '{"format":"scorecard-figures","version":4,"figures":[]}', /version 4/],
    [
      'other columns',
      '{"format":"scorecard-figures","version":3,"columns":["indicator"],"files":[],"figures":[]}',
      /columns are not/,
    ],
    [
      'files that are not paths',
      `{"format":"scorecard-figures","version":3,"columns":${COLUMNS},"files":[1],"figures":[]}`,
      /files are not/,
    ],
    [
      'a row naming a file not listed',
      `{"format":"scorecard-figures","version":3,"columns":${COLUMNS},"files":["r.md"],"figures":[["OP1","2023/24","value",null,null,"5",5,null,null,null,false,null,[1,1,1]]]}`,
      /Figure 1 of the list: place is not/,
    ],
    [
      'a short row',
      `{"format":"scorecard-figures","version":3,"columns":${COLUMNS},"files":["r.md"],"figures":[["OP1","2023/24"]]}`,
      /Figure 1 of the list: not an object/,
    ],
    ['no figures', '{"format":"scorecard-figures","version":1}', /has no figures/],
    ['an array', '[]', /does not say/],
  ];
  for (const [what, json, reason] of malformed) {
    it(`throws a FiguresFormatError for ${what}`, () => {
      assert.throws(
        () => readFigures(withList(json)),
        (error: unknown) => error instanceof FiguresFormatError && reason.test(error.message),
      );
    });
  }

  const badRecords: Array<[string, unknown, RegExp]> = [
    ['a string', 'x', /Figure 1 of the list: not an object/],
    ['an unknown kind', { ...record, kind: 'secret' }, /kind is not one of/],
    ['a number as text', { ...record, text: 58 }, /text is not text/],
    ['an infinite value', { ...record, value: '1e999' }, /value is neither/],
    ['a suppressed number', { ...record, suppressed: true, value: 3 }, /carries a number/],
    ['a numerator alone', { ...record, numerator: 29 }, /without a denominator/],
    ['a count of text', { ...record, numerator: '29', denominator: 50 }, /not a whole number/],
    [
      'a suppressed figure with its counts',
      { ...record, suppressed: true, value: null, numerator: 2, denominator: 5 },
      /carries its counts/,
    ],
    ['a line of 0', { ...record, place: { ...record.place, line: 0 } }, /place is not/],
    ['no place', { ...record, place: undefined }, /place is not/],
    ['a source of text', { ...record, source: 'data.yaml' }, /source is neither/],
    ['an overlong text', { ...record, text: 'x'.repeat(5000) }, /text is not text/],
  ];
  for (const [what, item, reason] of badRecords) {
    it(`throws a FiguresFormatError for a record with ${what}`, () => {
      const json = JSON.stringify({ format: 'scorecard-figures', version: 1, figures: [item] });
      assert.throws(
        () => readFigures(withList(json)),
        (error: unknown) => error instanceof FiguresFormatError && reason.test(error.message),
      );
    });
  }

  it('keeps only the known fields of a record', () => {
    const json = JSON.stringify({
      format: 'scorecard-figures',
      version: 1,
      figures: [{ ...record, extra: 'x', ['__proto__']: { polluted: true } }],
    }).replace('"extra"', '"__proto__":{"polluted":true},"extra"');
    const read = readFigures(withList(json));
    assert.deepEqual(read, [record]);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  it('refuses two lists', () => {
    const html = page([record]).replace('</body>', `${figuresTemplate([record])}</body>`);
    assert.throws(() => readFigures(html), /2 figure lists/);
  });

  it('refuses a list holding markup', () => {
    const html = withList('{}').replace('{}</template>', '<b>{}</b></template>');
    assert.throws(() => readFigures(html), /holds markup/);
  });
});
