import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  EesTableCache,
  importEesSeries,
  readCell,
  type EesIndicatorSpec,
  type EesSourceSpec,
} from '../../src/engine/data/ees/index.js';
import { BRISTOL, HEADER, row, sampleRows, tempDir, writeCsv } from './temp-csv.js';
import { createNodeHost } from '../../src/engine/index.js';

const SOURCE_PLACE = { file: 'data.yaml', line: 4, column: 3 };
const INDICATOR_PLACE = { file: 'data.yaml', line: 12, column: 5 };

const spec = (extra: Partial<EesIndicatorSpec> = {}): EesIndicatorSpec => ({
  indicatorId: 'X1',
  value: 'pct',
  numerator: 'num',
  denominator: 'den',
  where: { measure: 'Main' },
  place: INDICATOR_PLACE,
  ...extra,
});

function source(ees: string, la: string, extra: Partial<EesSourceSpec> = {}): EesSourceSpec {
  return { name: 's', ees, la, neighbourAverage: 'mean', place: SOURCE_PLACE, ...extra };
}

async function run(rows: string[][], la: string, s: EesIndicatorSpec = spec(), options = {}) {
  const file = writeCsv(tempDir(), 'ees.csv', rows, options);
  return {
    file,
    series: await importEesSeries(source(file, la), [s], new EesTableCache(createNodeHost())),
  };
}

describe('EES reading: robustness and messages', () => {
  it('reads a file with a BOM, CRLF line ends, quoted commas and any column order', async () => {
    const { series } = await run(sampleRows(), 'bristol, city of', spec(), {
      bom: true,
      eol: '\r\n',
    });
    assert.deepEqual(series.messages, []);
    const latest = series.values.at(-1);
    assert.equal(latest?.period.key, '2024/25');
    assert.deepEqual([latest?.value, latest?.numerator, latest?.denominator], [61.2, 61, 100]);
    assert.deepEqual(
      series.benchmarks.map((b) => [b.comparator, b.period.key, b.value]),
      [
        ['England', '2023/24', 49],
        ['England', '2024/25', 50.5],
        ['South West', '2024/25', 55],
      ],
    );
  });

  it('gives the same line and column with CRLF as with LF', async () => {
    const lf = await run(sampleRows(), '801');
    const crlf = await run(sampleRows(), '801', spec(), { eol: '\r\n', bom: true });
    assert.deepEqual(
      lf.series.values.map((o) => [o.source.line, o.source.column]),
      crlf.series.values.map((o) => [o.source.line, o.source.column]),
    );
    const line =
      readFileSync(lf.file, 'utf8').split('\n')[(lf.series.values.at(-1)?.source.line ?? 0) - 1] ??
      '';
    assert.ok(
      line.slice((lf.series.values.at(-1)?.source.column ?? 0) - 1).startsWith('61.2,'),
      line,
    );
  });

  it('uses London, not Inner London, for a London borough', async () => {
    const { series } = await run(sampleRows(), 'E09000014');
    const regional = series.benchmarks.filter((b) => b.comparator !== 'England');
    assert.deepEqual(
      regional.map((b) => [b.comparator, b.value]),
      [['London', 44]],
    );
  });

  it('keeps symbols, reads a blank cell as x, and never invents a number', async () => {
    const bristol = await run(sampleRows(), '801');
    const y2024 = bristol.series.values.find((o) => o.period.key === '2023/24');
    assert.equal(y2024?.symbol, 'k');
    assert.equal(y2024?.value, undefined);
    assert.equal(y2024?.numerator, undefined, 'a suppressed numerator is left out');
    assert.equal(y2024?.denominator, 98);
    const haringey = await run(sampleRows(), 'Haringey');
    const blank = haringey.series.values.find((o) => o.period.key === '2023/24');
    assert.equal(blank?.symbol, 'x');
    assert.match(blank?.note ?? '', /blank/);
  });

  it('reads symbols, numbers and non-numbers in cells', () => {
    assert.deepEqual(readCell(' c '), { kind: 'symbol', symbol: 'c', blank: false });
    assert.deepEqual(readCell('1e3'), { kind: 'number', value: 1000 });
    assert.deepEqual(readCell('1,204'), { kind: 'invalid', text: '1,204' });
  });

  it('reports an unknown authority with the nearest names (none far off)', async () => {
    const { series } = await run(sampleRows(), 'Harringay');
    assert.equal(series.messages.length, 1);
    const [message] = series.messages;
    assert.equal(message?.ruleId, 'unknown-area');
    assert.deepEqual([message?.line, message?.column], [SOURCE_PLACE.line, SOURCE_PLACE.column]);
    assert.deepEqual(message?.suggestions, ['Haringey']);
    assert.equal(series.values.length, 0);
  });

  it('reports a column the file lacks at the indicator, naming the header line', async () => {
    const { series } = await run(sampleRows(), '801', spec({ value: 'percent' }));
    const [message] = series.messages;
    assert.equal(message?.ruleId, 'data-invalid');
    assert.equal(message?.line, INDICATOR_PLACE.line);
    assert.match(message?.reason ?? '', /"percent".*line 1/);
    assert.deepEqual(message?.suggestions, ['pct']);
  });

  it('reports a where column the file lacks', async () => {
    const { series } = await run(sampleRows(), '801', spec({ where: { breakdown: 'Total' } }));
    assert.equal(series.messages.length, 1);
    assert.match(series.messages[0]?.reason ?? '', /"breakdown".*line 1/);
  });

  it('reports an unparseable number at the CSV file, line and column', async () => {
    const rows = sampleRows();
    rows[6] = row({ ...BRISTOL, pct: '61.2%', num: '61', den: '100' });
    const { file, series } = await run(rows, '801');
    const message = series.messages.find((m) => m.ruleId === 'data-invalid');
    assert.ok(message);
    assert.equal(message.file, file);
    assert.equal(message.line, 7);
    const line = readFileSync(file, 'utf8').split('\n')[6] ?? '';
    assert.ok(line.slice(message.column - 1).startsWith('61.2%,'), line);
    assert.match(message.reason, /61\.2%/);
  });

  it('lists the values a column has when where matches nothing', async () => {
    const { series } = await run(sampleRows(), '801', spec({ where: { measure: 'Mian' } }));
    const [message] = series.messages;
    assert.equal(message?.line, INDICATOR_PLACE.line);
    assert.match(message?.reason ?? '', /measure has "Main"/);
  });

  it('reports a where that matches several rows of one period', async () => {
    const rows = [...sampleRows(), row({ ...BRISTOL, measure: 'Other', pct: '3' })];
    const { series } = await run(rows, '801', spec({ where: {} }));
    const message = series.messages.find((m) => /matches 2 rows/.test(m.reason));
    assert.ok(message, JSON.stringify(series.messages));
    assert.match(message.reason, /filter on measure/);
    assert.equal(
      series.messages.filter((m) => /matches/.test(m.reason)).length,
      1,
      'reported once',
    );
  });

  it('reads value, numerator and denominator from three rows of one value column', async () => {
    const rows = [
      [...HEADER],
      row({ ...BRISTOL, measure: 'Percentage missing', pct: '12.5' }),
      row({ ...BRISTOL, measure: 'Number missing', pct: '25' }),
      row({ ...BRISTOL, measure: 'Number looked after', pct: '200' }),
    ];
    const { series } = await run(
      rows,
      '801',
      spec({
        value: 'pct',
        numerator: 'pct',
        denominator: 'pct',
        where: { measure: 'Percentage missing' },
        numeratorWhere: { measure: 'Number missing' },
        denominatorWhere: { measure: 'Number looked after' },
      }),
    );
    assert.deepEqual(series.messages, []);
    const [o] = series.values;
    assert.deepEqual([o?.value, o?.numerator, o?.denominator], [12.5, 25, 200]);
  });

  it('reports an EES period it cannot map at the cell', async () => {
    const rows = [
      ...sampleRows(),
      row({ ...BRISTOL, time_period: '2019', time_identifier: 'Week 12', pct: '1' }),
    ];
    const { series } = await run(rows, '801');
    const message = series.messages.find((m) => m.ruleId === 'unknown-period');
    assert.ok(message);
    assert.equal(message.line, rows.length);
  });

  it('gives data-missing, not a crash, when the file is absent', async () => {
    const series = await importEesSeries(
      source(`${tempDir()}/nope.csv`, '801'),
      [spec()],
      new EesTableCache(createNodeHost()),
    );
    assert.equal(series.messages[0]?.ruleId, 'data-missing');
    assert.match(series.messages[0]?.reason ?? '', /SCORECARD_DFE_DIR/);
    assert.equal(series.values.length, 0);
  });

  it('says a CSV without the EES columns is not an EES file', async () => {
    const { series } = await run(
      [
        ['a', 'b'],
        ['1', '2'],
      ],
      '801',
    );
    assert.equal(series.messages[0]?.ruleId, 'data-invalid');
    assert.match(series.messages[0]?.reason ?? '', /time_period/);
  });

  it('reports malformed CSV at its line', async () => {
    const dir = tempDir();
    const file = writeCsv(dir, 'bad.csv', sampleRows());
    const text = readFileSync(file, 'utf8').split('\n');
    text[3] += ',extra';
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, text.join('\n'));
    const series = await importEesSeries(
      source(file, '801'),
      [spec()],
      new EesTableCache(createNodeHost()),
    );
    const [message] = series.messages;
    assert.equal(message?.ruleId, 'data-invalid');
    assert.equal(message?.file, file);
    assert.equal(message?.line, 4);
  });
});
