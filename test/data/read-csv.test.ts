import assert from 'node:assert/strict';
import { parseNumber, readCsv } from '../../src/engine/data/read-csv.js';

const file = '/d/values.csv';

describe('data: readCsv', () => {
  it('reads values with a byte-order mark, CRLF, quoted commas and symbols', () => {
    const text =
      '\uFEFFindicator,period,value,numerator,denominator,symbol,note\r\n' +
      'OP148,2023/24 Q3,61,61,100,,"Includes, for once, 19-year-olds"\r\n' +
      'OP148,2023/24 Q4,c,,,,\r\n' +
      'OP149,2024-05,"1,204",,,,\r\n' +
      'OP150,2023/24,,,,x,not collected\r\n';
    const csv = readCsv(text, file);
    assert.equal(csv.csvKind, 'values');
    assert.deepEqual(csv.messages, []);
    assert.equal(csv.values.length, 4);
    const [first, second, third, fourth] = csv.values;
    assert.equal(first?.item.value, 61);
    assert.equal(first?.item.note, 'Includes, for once, 19-year-olds');
    assert.deepEqual(first?.item.source, { file, line: 2, column: 1 });
    assert.equal(first?.item.period.key, '2023/24 Q3');
    assert.equal(second?.item.symbol, 'c');
    assert.equal(second?.item.value, undefined);
    assert.equal(third?.item.value, 1204);
    assert.equal(third?.item.period.key, '2024-05');
    assert.equal(fourth?.item.symbol, 'x');
    assert.deepEqual(fourth?.indicatorPlace, { file, line: 5, column: 1 });
  });

  it('reads targets and benchmarks whatever the column order', () => {
    const targets = readCsv(
      'tolerance,target,period,indicator\n5,80,2023/24,OP660\n,65,2024/25,OP148\n',
      file,
    );
    assert.equal(targets.csvKind, 'targets');
    assert.deepEqual(
      targets.targets.map((t) => [t.indicator, t.item.period.key, t.item.value, t.item.tolerance]),
      [
        ['OP660', '2023/24', 80, 5],
        ['OP148', '2024/25', 65, undefined],
      ],
    );
    assert.deepEqual(targets.targets[0]?.indicatorPlace, { file, line: 2, column: 14 });
    const benchmarks = readCsv(
      'value,period,comparator,indicator\n82,2022/23,England,OP660\nc,2022/23,"London, region",OP660\n',
      file,
    );
    assert.equal(benchmarks.csvKind, 'benchmarks');
    assert.deepEqual(
      benchmarks.benchmarks.map((b) => [b.item.comparator, b.item.value, b.item.symbol]),
      [
        ['England', 82, undefined],
        ['London, region', undefined, 'c'],
      ],
    );
  });

  it('points a bad number at its line and column', () => {
    const csv = readCsv('indicator,period,value\nA,2023/24,1\n"B, quoted",2023/24,12a\n', file);
    assert.deepEqual(
      csv.messages.map((m) => [m.line, m.column, m.ruleId, m.reason]),
      [[3, 21, 'data-invalid', 'value "12a" is not a number']],
    );
    assert.equal(csv.values.length, 1);
  });

  it('points an unknown period at its cell', () => {
    const csv = readCsv('indicator,period,value\r\nA,2023/24 Q5,1\r\n', file);
    assert.deepEqual(
      csv.messages.map((m) => [m.line, m.column, m.ruleId]),
      [[2, 3, 'data-invalid']],
    );
    assert.match(csv.messages[0]!.reason, /"2023\/24 Q5" is not a period/);
  });

  it('refuses an unknown header at line 1, suggesting the column meant', () => {
    const csv = readCsv('indicator,period,vlaue,value\nA,2023/24,1,2\n', file);
    assert.deepEqual(
      csv.messages.map((m) => [m.line, m.column, m.ruleId]),
      [[1, 18, 'data-invalid']],
    );
    assert.match(
      csv.messages[0]!.reason,
      /Unknown column "vlaue" in a values CSV, did you mean value\?/,
    );
    assert.equal(csv.values.length, 0);
    const unknown = readCsv('id,when,amount\nA,2023/24,1\n', file);
    assert.equal(unknown.csvKind, undefined);
    assert.deepEqual(
      unknown.messages.map((m) => [m.line, m.column]),
      [[1, 1]],
    );
  });

  it('reports a missing required column and a row without value or symbol', () => {
    assert.match(
      readCsv('indicator,comparator,value\nA,England,1\n', file).messages[0]!.reason,
      /no "period" column/,
    );
    const csv = readCsv('indicator,period,value,symbol\nA,2023/24,,\nA,2023/24 Q1,,q\n', file);
    assert.deepEqual(
      csv.messages.map((m) => [m.line, m.column, m.reason]),
      [
        [2, 11, 'The row needs a value or a symbol'],
        [3, 15, '"q" is not a symbol (c, k, u, x, z, low or :)'],
      ],
    );
  });

  it('keeps the line of a record after a quoted line break', () => {
    const csv = readCsv(
      'indicator,period,value,note\nA,2023/24,1,"two\nlines"\nB,2023/24,zz,\n',
      file,
    );
    assert.deepEqual(
      csv.messages.map((m) => [m.line, m.column]),
      [[4, 11]],
    );
    assert.equal(csv.values[0]?.item.note, 'two\nlines');
  });

  it('places a cell after a quoted line break in the same row, and rows after it', () => {
    const csv = readCsv(
      'indicator,period,note,value\r\nA,2023/24,"two\r\nlines",zz\r\nB,2023/24,,1x\r\n',
      file,
    );
    assert.deepEqual(
      csv.messages.map((m) => [m.line, m.column, m.ruleId]),
      [
        [3, 8, 'data-invalid'],
        [4, 12, 'data-invalid'],
      ],
    );
  });

  it('reports an unclosed quote as data-invalid at its opening quote', () => {
    const csv = readCsv(
      'indicator,period,value,note\nA,2023/24,1,ok\nB,2023/24,2,"never closed\nC,2023/24,3,x\n',
      file,
    );
    assert.deepEqual(
      csv.messages.map((m) => [m.line, m.column, m.ruleId]),
      [[3, 13, 'data-invalid']],
    );
    assert.match(csv.messages[0]!.reason, /^CSV syntax error: .*closing quote is missing/);
    assert.deepEqual(csv.values, []);
  });

  it('reports a CSV syntax error with its line', () => {
    const csv = readCsv('indicator,period,value\nA,2023/24,"1\n', file);
    assert.equal(csv.messages[0]?.ruleId, 'data-invalid');
    assert.match(csv.messages[0]!.reason, /^CSV syntax error/);
  });

  it('parses numbers strictly', () => {
    assert.equal(parseNumber('1,204.5'), 1204.5);
    assert.equal(parseNumber('-3'), -3);
    assert.equal(parseNumber('1e3'), 1000);
    assert.equal(parseNumber('12%'), undefined);
    assert.equal(parseNumber('1,20'), undefined);
    assert.equal(parseNumber('Infinity'), undefined);
  });
});
