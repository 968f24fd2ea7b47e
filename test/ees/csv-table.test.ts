import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { csvField } from '../../src/cli/csv.js';
import { cellPlace, parseCsvTable } from '../../src/engine/data/ees/csv-table.js';
import { FILES, dfePath } from './dfe-files.js';

/** How many lines a record written by the RFC 4180 writer takes: its quoted LFs and one. */
const linesOf = (record: readonly string[]): number =>
  1 + record.reduce((sum, cell) => sum + cell.split('\n').length - 1, 0);

const isBlank = (record: readonly string[]): boolean => record.length === 1 && record[0] === '';

describe('parseCsvTable (the DfE reader)', () => {
  // The published files quote a cell only when RFC 4180 says to, so the project's own
  // writer (no parser) is an independent check of every cell and every row's line.
  it('reads every published file cell for cell: each row, written back, is its own line', () => {
    for (const name of Object.values(FILES)) {
      const file = dfePath(name);
      const text = readFileSync(file, 'utf8');
      const result = parseCsvTable(file, text);
      assert.ok(result.ok, name);
      const lines = text.replace(/^\uFEFF/, '').split('\n');
      assert.equal(result.table.header.map(csvField).join(','), lines[0], name);
      assert.equal(result.table.rows.length, lines.filter((line) => line !== '').length - 1);
      result.table.rows.forEach((row, i) => {
        const line = result.table.lines[i] ?? 0;
        assert.equal(row.map(csvField).join(','), lines[line - 1], `${name} row ${i}`);
      });
    }
  });

  it('reads back any table the RFC 4180 writer wrote, LF, CRLF or both, each row at its line', () => {
    const cell = fc
      .array(fc.constantFrom('a', 'Z', '1', ' ', ',', '"', '\n', '\r\n', '\r', 'é', '£'), {
        maxLength: 6,
      })
      .map((parts) => parts.join(''));
    const table = fc.integer({ min: 1, max: 4 }).chain((width) =>
      fc.record({
        records: fc.array(fc.array(cell, { minLength: width, maxLength: width }), {
          minLength: 1,
          maxLength: 6,
        }),
        ends: fc.array(fc.constantFrom('\n', '\r\n'), { minLength: 6, maxLength: 6 }),
        bom: fc.boolean(),
        lastEnd: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(table, ({ records, ends, bom, lastEnd }) => {
        const text =
          (bom ? '\uFEFF' : '') +
          records
            .map((record, i) => {
              const end = i < records.length - 1 || lastEnd ? (ends[i] ?? '\n') : '';
              return record.map(csvField).join(',') + end;
            })
            .join('');
        // What the reader promises: CRLF inside a cell read as LF, blank lines skipped,
        // header names trimmed, each record at the line its first cell is on.
        const expected = records.map((record) => record.map((c) => c.replace(/\r\n/g, '\n')));
        const starts: number[] = [];
        let line = 1;
        for (const record of expected) {
          starts.push(line);
          line += linesOf(record);
        }
        const kept = expected.flatMap((record, i) => (isBlank(record) ? [] : [i]));
        const result = parseCsvTable('t.csv', text);
        const [head, ...body] = kept;
        if (head === undefined) {
          assert.ok(!result.ok && /empty/.test(result.reason));
          return;
        }
        assert.ok(result.ok, JSON.stringify(text));
        assert.deepEqual(
          result.table.header,
          expected[head]?.map((name) => name.trim()),
        );
        assert.deepEqual(
          result.table.rows,
          body.map((i) => expected[i]),
        );
        assert.deepEqual(
          result.table.lines,
          body.map((i) => starts[i]),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('counts lines through quoted line breaks and blank lines', () => {
    const result = parseCsvTable('x.csv', 'a,b\r\n1,"two\nlines"\r\n\r\n3,4\n');
    assert.ok(result.ok);
    assert.deepEqual(result.table.rows, [
      ['1', 'two\nlines'],
      ['3', '4'],
    ]);
    assert.deepEqual(result.table.lines, [2, 5]);
  });

  it('places a cell after a quoted line break in its own row at its line and column', () => {
    const result = parseCsvTable('x.csv', 'a,b,c\n1,"x\ny",z\n2,3,4\n');
    assert.ok(result.ok);
    assert.deepEqual(cellPlace(result.table, 0, 2), { file: 'x.csv', line: 3, column: 4 });
    assert.deepEqual(cellPlace(result.table, 1, 1), { file: 'x.csv', line: 4, column: 3 });
  });

  it('refuses an unclosed quote and a ragged row at their lines', () => {
    const unclosed = parseCsvTable('x.csv', 'a,b\n1,2\n3,"four\n');
    assert.ok(!unclosed.ok && /Cannot read CSV/.test(unclosed.reason));
    assert.equal(unclosed.ok ? 0 : unclosed.place.line, 3);
    const ragged = parseCsvTable('x.csv', 'a,b\n1,2\n3,4,5\n');
    assert.ok(!ragged.ok && /line 3 has 3 fields where the header has 2/.test(ragged.reason));
  });

  it('places an unclosed quote at its opening quote, however far the file runs on', () => {
    const unclosed = parseCsvTable('x.csv', 'a,b\n1,2\n3,"four\n5,6\n7,8\n');
    assert.ok(!unclosed.ok);
    assert.deepEqual(unclosed.place, { file: 'x.csv', line: 3, column: 3 });
    assert.match(unclosed.reason, /line 3, column 3 .*closing quote is missing/);
  });

  it('refuses text after a closing quote at the cell, and reads spaces after it as nothing', () => {
    const text = parseCsvTable('x.csv', 'a,b\r\n1,2\r\n3,"four"th\r\n');
    assert.ok(!text.ok);
    assert.deepEqual(text.place, { file: 'x.csv', line: 3, column: 3 });
    assert.match(text.reason, /followed by more than spaces/);
    const spaces = parseCsvTable('x.csv', 'a,b\n"1"  ,"2" \n');
    assert.ok(spaces.ok);
    assert.deepEqual(spaces.table.rows, [['1', '2']]);
  });

  it('keeps a quote inside an unquoted cell as written', () => {
    const result = parseCsvTable('x.csv', 'a,b\n5" pipe,x"y"\n');
    assert.ok(result.ok);
    assert.deepEqual(result.table.rows, [['5" pipe', 'x"y"']]);
  });

  it('reads CR line ends as LF, and a CR inside quotes does not decide the line end', () => {
    const cr = parseCsvTable('x.csv', 'a,b\r1,"x\ny"\r2,3\r');
    assert.ok(cr.ok);
    assert.deepEqual(cr.table.rows, [
      ['1', 'x\ny'],
      ['2', '3'],
    ]);
    assert.deepEqual(cr.table.lines, [2, 4]);
    const quotedCr = parseCsvTable('x.csv', '"a\rb",c\n1,2\n');
    assert.ok(quotedCr.ok);
    assert.deepEqual(quotedCr.table.header, ['a\rb', 'c']);
    assert.deepEqual(quotedCr.table.rows, [['1', '2']]);
  });
});
