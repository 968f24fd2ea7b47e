import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { parseCsvTable } from '../../src/engine/data/ees/csv-table.js';
import { FILES, dfePath } from './dfe-files.js';

describe('parseCsvTable (the DfE reader)', () => {
  it('reads every published file cell for cell as csv-parse does, each row at its line', () => {
    for (const name of Object.values(FILES)) {
      const file = dfePath(name);
      const text = readFileSync(file, 'utf8');
      const result = parseCsvTable(file, text);
      assert.ok(result.ok, name);
      const expected = parse(text, { bom: true, relax_quotes: true, skip_empty_lines: true });
      assert.deepEqual(
        [result.table.header, ...result.table.rows],
        [(expected[0] as string[]).map((cell) => cell.trim()), ...expected.slice(1)],
        name,
      );
      const lines = text.replace(/^\uFEFF/, '').split('\n');
      result.table.rows.forEach((row, i) => {
        const first = row[0] ?? '';
        const at = lines[(result.table.lines[i] ?? 0) - 1] ?? '';
        assert.ok(at.startsWith(first) || at.startsWith(`"${first}`), `${name} row ${i}`);
      });
    }
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

  it('refuses an unclosed quote and a ragged row at their lines', () => {
    const unclosed = parseCsvTable('x.csv', 'a,b\n1,2\n3,"four\n');
    assert.ok(!unclosed.ok && /Cannot read CSV/.test(unclosed.reason));
    assert.equal(unclosed.ok ? 0 : unclosed.place.line, 3);
    const ragged = parseCsvTable('x.csv', 'a,b\n1,2\n3,4,5\n');
    assert.ok(!ragged.ok && /line 3 has 3 fields where the header has 2/.test(ragged.reason));
  });
});
