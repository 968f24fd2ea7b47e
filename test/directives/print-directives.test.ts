import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../../src/engine/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'render');
const engine = createEngine({ allowedRoots: [root] });

/** Renders a report body against the render fixtures' data, for the public agenda pack. */
async function render(body: string) {
  const text = `---\ntitle: t\nperiod: 2023/24 Q4\ndata: ../data.yaml\n---\n\n${body}\n`;
  return engine.render(text, { path: join(root, 'print-case', 'input.md'), mode: 'public' });
}

/** The text a reader gets: tags dropped, entities and no-break spaces as plain text. */
function words(html: string): string {
  return html
    .replace(/<span class="sc-vh">[^<]*<\/span>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x26;/g, '&')
    .replace(/\u00a0/g, ' ');
}

describe('::summary', () => {
  it('counts each status and each direction, with word and shape, zero counts included', async () => {
    const { body, messages } = await render('::summary{ids="PCT,LOW,BAND,CNT,DAYS"}');
    assert.deepEqual(messages, []);
    const text = words(body);
    assert.match(text, /Summary of 5 indicators, Q4 2023\/24/);
    // PCT 67% against 80% and LOW 11.5% against 10.0% are Red; BAND is in its band.
    assert.match(text, /▼ 2 Red/);
    assert.match(text, /● 0 Amber/);
    assert.match(text, /▲ 2 Green/);
    assert.match(text, /○ 1 not rated/);
    assert.match(text, /\+ \d+ better/);
    assert.match(text, /− \d+ worse/);
    assert.match(
      body,
      /aria-labelledby="sc-summary"><p class="sc-summary__title" id="sc-summary">/,
    );
  });

  it('reads the indicators of a tag, and reports a tag no indicator has', async () => {
    const tagged = await render('::summary{tag=stability}');
    assert.match(words(tagged.body), /Summary of 1 indicator,.*▼ 1 Red/);
    const none = await render('::summary{tag=nowhere}');
    assert.deepEqual(
      none.messages.map((m) => [m.ruleId, m.line]),
      [['unknown-indicator', 7]],
    );
  });
});

describe('::scorecard{status=…}', () => {
  it('keeps exactly the rows of the statuses asked for, and says how many of how many', async () => {
    const { body, messages } = await render('::scorecard{ids="PCT,LOW,BAND,CNT" status="red"}');
    assert.deepEqual(messages, []);
    const rows = [...body.matchAll(/<th scope="row"><span class="sc-card__id">([^<]+)</g)].map(
      (m) => m[1],
    );
    assert.deepEqual(rows, ['PCT', 'LOW']);
    assert.match(
      words(body),
      /Exception report: Red indicators, Q4 2023\/24 \(2 of 4 indicators\)/,
    );
    // Why: the gap to the target beside the target itself.
    assert.match(words(body), /80%▼ Red −13 pp/);
  });

  it('takes several statuses, none for the unrated, and says when no row matches', async () => {
    const both = await render('::scorecard{ids="PCT,LOW,BAND,CNT" status="green,none"}');
    const rows = [...both.body.matchAll(/<span class="sc-card__id">([^<]+)</g)].map((m) => m[1]);
    assert.deepEqual(rows, ['BAND', 'CNT']);
    const empty = await render('::scorecard{ids="BAND,CNT" status="amber"}');
    assert.match(words(empty.body), /No indicator is Amber\./);
  });

  it('reports a status that is not one, at the directive', async () => {
    const { messages } = await render('::scorecard{ids="PCT" status="red,purple"}');
    assert.deepEqual(
      messages.map((m) => [m.ruleId, m.line, m.column, m.reason]),
      [
        [
          'unknown-attribute',
          7,
          1,
          'status=purple is not a status; use red, amber, green, none (comma-separated)',
        ],
      ],
    );
  });
});

describe('the print-first scorecard', () => {
  it('puts the shared period in the caption, comparator periods in the header, units beside counts', async () => {
    const { body } = await render('::scorecard{ids="PCT,CNT"}');
    const text = words(body);
    assert.match(text, /^Scorecard, Q4 2023\/24Indicator/);
    assert.ok(!/<th scope="col">Period<\/th>/.test(body), 'no Period column when rows share it');
    assert.match(text, /England \(2022\/23\)/);
    assert.match(text, /1,204 children/);
    // Compact cells: the change in a few words, its direction for screen readers.
    assert.match(body, /<span class="sc-vh">up <\/span>4\u00a0pp, better/);
    assert.match(text, /↑ 4 pp, better/);
  });

  it('keeps a Period column when the rows are of different periods', async () => {
    const { body } = await render('::scorecard{ids="PCT,OLD"}');
    assert.match(body, /<th scope="col">Period<\/th>/);
  });
});

describe(':value units', () => {
  it('prints the counting unit beside a count, and on request for others', async () => {
    const { body, messages } = await render(
      ':value{id=CNT}; :value{id=CNT unit=false}; :value{id=PCT}; :value{id=PCT unit=true}.',
    );
    assert.deepEqual(messages, []);
    assert.equal(words(body).trim(), '1,204 children; 1,204; 67%; 67% of assessments.');
    // A figure and its unit never part at a line end.
    assert.match(body, /1,204\u00a0children/);
  });

  it('leaves the unit off when the author wrote it after the figure', async () => {
    const { body, messages } = await render(
      'In all :value{id=CNT} children were seen; :value{id=CNT} Children; :value{id=CNT} childrens; :value{id=CNT unit=true} children.',
    );
    assert.deepEqual(messages, []);
    assert.equal(
      words(body).trim(),
      'In all 1,204 children were seen; 1,204 Children; 1,204 children childrens; 1,204 children children.',
    );
  });

  it('shows the problem, not a figure of another period, for a period it cannot read', async () => {
    const { body, messages } = await render('Then :value{id=PCT period=Q4}; now :value{id=PCT}.');
    assert.deepEqual(
      messages.map((m) => [m.ruleId, m.column]),
      [['unknown-period', 6]],
    );
    assert.match(words(body), /^Then ⚠ Unknown period "Q4".*; now 67%\.$/m);
  });

  it('refuses a unit= that is neither true nor false', async () => {
    const { messages } = await render(':value{id=CNT unit=yes}');
    assert.deepEqual(
      messages.map((m) => [m.ruleId, m.reason]),
      [['unknown-attribute', 'unit=yes is not allowed; use true or false']],
    );
  });

  it('shows the unit beside the headline figure of a card', async () => {
    const { body } = await render('::indicator{id=CNT}\n\n::indicator{id=PCT}');
    assert.match(
      body,
      /<span class="sc-value">1,204<\/span><span class="sc-card__unit"> children<\/span>/,
    );
    assert.match(
      body,
      /<span class="sc-value">67%<\/span><span class="sc-card__unit"> of assessments<\/span>/,
    );
  });
});

describe('suppressed figures', () => {
  it('read as English in a sentence and as [c] on a card, never as a phrase in italics on the figure', async () => {
    const { body } = await render(
      ':value{id=SMALL} were placed far away.\n\n::indicator{id=SMALL}',
    );
    assert.match(words(body), /^a suppressed number of children were placed far away\./);
    assert.match(
      body,
      /<p class="sc-card__figure"><span class="sc-value sc-symbol sc-suppressed"><abbr title="suppressed to protect confidentiality">\[c\]<\/abbr><\/span><span class="sc-card__unit"> suppressed<\/span>/,
    );
  });
});

describe('::chart{ids=…}', () => {
  it('refuses indicators of different units with chart-units-differ, at the directive', async () => {
    const { messages, body } = await render('Text.\n\n::chart{ids="PCT,CNT"}');
    assert.deepEqual(
      messages.map((m) => [m.ruleId, m.severity, m.line, m.column]),
      [['chart-units-differ', 'error', 9, 1]],
    );
    assert.match(messages[0]!.reason, /PCT is percent, CNT is count/);
    assert.ok(!body.includes('<svg'), 'no chart drawn');
  });

  it('draws two counts on one chart with one table holding both', async () => {
    const { messages, body } = await render('::chart{ids="MISS,CNT" periods=4}');
    assert.deepEqual(messages, []);
    assert.equal(body.match(/<svg/g)?.length, 1);
    assert.equal(body.match(/<table/g)?.length, 1);
    assert.match(
      body,
      /<th class="sc-num" scope="col">MISS [^<]+<\/th><th class="sc-num" scope="col">CNT Children missing from care in the month<\/th>/,
    );
  });

  it('asks for two or more indicators', async () => {
    const { messages } = await render('::chart{ids="CNT"}');
    assert.deepEqual(
      messages.map((m) => m.ruleId),
      ['missing-attribute'],
    );
  });
});
