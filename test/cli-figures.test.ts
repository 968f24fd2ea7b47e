import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { cli } from './cli-run.js';
import { csvText, inertText } from '../src/cli/csv.js';
import { createEngine, exportedFigures } from '../src/engine/index.js';
import { DFE_DIR } from './ees/dfe-files.js';
import type { FigureRecord } from '../src/engine/index.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const sample = 'children-in-care-q4-2023-24.md';

const SMALL = `indicators:
  - id: MISS
    title: Children missing from care
    unit: count
    counting_unit: children
    decimals: 0
    polarity: lower
    values:
      - { period: 2023/24 Q3, value: 14 }
      - { period: 2023/24 Q4, value: 3 }
`;

describe('scorecard figures', function () {
  this.timeout(90_000);
  let work: string;
  before(() => {
    work = mkdtempSync(join(tmpdir(), 'scorecard-figures-cli-'));
    cpSync(join(repo, 'samples'), join(work, 'samples'), {
      recursive: true,
      filter: (source) => !source.endsWith('.html'),
    });
    writeFileSync(join(work, 'small.yaml'), SMALL);
    writeFileSync(
      join(work, 'small.md'),
      '---\ntitle: Small\nperiod: 2023/24 Q4\ndata: small.yaml\n---\n\nMissing: :value{id=MISS}.\n',
    );
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('JSON: the public render’s figures, paths relative to the report', async () => {
    const result = await cli(['figures', `samples/${sample}`, '--format', 'json'], work);
    assert.equal(result.code, 0, result.err);
    const listed = JSON.parse(result.out) as FigureRecord[];
    const path = join(work, 'samples', sample);
    const rendered = await createEngine().render(readFileSync(path, 'utf8'), {
      path,
      mode: 'public',
    });
    assert.deepEqual(listed, exportedFigures(rendered.figures, join(work, 'samples')));
    assert.ok(listed.length > 100);
    assert.ok(!result.out.includes(work), 'a machine path in the output');
    for (const figure of listed) {
      assert.equal(figure.place.file, sample);
      assert.match(figure.source?.file ?? 'data/', /^data\//);
    }
    assert.match(result.err, /^\d+ figures listed: 0 errors, 0 warnings$/m);
  });

  it('text: one aligned line per figure, under a header', async () => {
    const result = await cli(['figures', `samples/${sample}`], work);
    assert.equal(result.code, 0, result.err);
    const lines = result.out.split('\n');
    const header = lines[0] ?? '';
    assert.match(
      header,
      /^PLACE +INDICATOR +PERIOD +KIND +OF +TEXT +VALUE +COUNTS +STATE +SOURCE$/,
    );
    const starts = ['INDICATOR', 'PERIOD', 'KIND', 'TEXT'].map((name) => header.indexOf(name));
    const json = await cli(['figures', `samples/${sample}`, '--format', 'json'], work);
    const listed = JSON.parse(json.out) as FigureRecord[];
    assert.equal(lines.length, listed.length + 1);
    lines.slice(1).forEach((line, index) => {
      const figure = listed[index]!;
      assert.ok(line.startsWith(`${sample}:${figure.place.line}:${figure.place.column} `), line);
      const [indicator, period, kind, text] = starts.map((start) => line.slice(start));
      assert.ok(indicator?.startsWith(`${figure.indicator} `), line);
      assert.ok(period?.startsWith(`${figure.period} `), line);
      assert.ok(kind?.startsWith(`${figure.kind} `), line);
      assert.ok(text?.startsWith(figure.text), line);
    });
  });

  it('CSV: a header and one record per figure, read back by a CSV parser', async () => {
    const result = await cli(['figures', `samples/${sample}`, '--format', 'csv'], work);
    assert.equal(result.code, 0, result.err);
    const read = Papa.parse<Record<string, string>>(result.out, {
      delimiter: ',',
      header: true,
      skipEmptyLines: true,
    });
    assert.deepEqual(read.errors, []);
    const rows = read.data;
    // As written (each write ends with a newline): every record, the last too, ends CRLF.
    const written = `${result.out}\n`;
    assert.ok(written.endsWith('\r\n'));
    assert.equal(written.split('\r\n').length - 1, rows.length + 1);
    assert.doesNotMatch(written.replace(/\r\n/g, ''), /[\r\n]/);
    const json = await cli(['figures', `samples/${sample}`, '--format', 'json'], work);
    const listed = JSON.parse(json.out) as FigureRecord[];
    assert.equal(rows.length, listed.length);
    rows.forEach((row, index) => {
      const figure = listed[index]!;
      assert.equal(row['indicator'], figure.indicator);
      assert.equal(row['text'], inertText(figure.text));
      assert.equal(row['value'], figure.value === null ? '' : String(figure.value));
      assert.equal(row['suppressed'], String(figure.suppressed));
      assert.equal(row['source_file'], figure.source?.file ?? '');
      assert.equal(row['place_line'], String(figure.place.line));
    });
  });

  it('public is the default: a suppressed figure has no number; --exempt gives it', async () => {
    const shown = async (argv: string[]) => {
      const result = await cli(['figures', 'small.md', '--format', 'json', ...argv], work);
      return { ...result, figures: JSON.parse(result.out) as FigureRecord[] };
    };
    const byDefault = await shown([]);
    const open = await shown(['--public']);
    const exempt = await shown(['--exempt']);
    assert.deepEqual(byDefault.figures, open.figures);
    assert.equal(byDefault.figures[0]?.suppressed, true);
    assert.equal(byDefault.figures[0]?.value, null);
    assert.equal(exempt.figures[0]?.value, 3);
    // The public list is refused for publication as `check --public` would say.
    assert.equal(byDefault.code, 1);
    assert.match(byDefault.err, /small\.md:\d+:\d+ error .*small-number/);
    assert.equal(exempt.code, 0, exempt.err);
  });

  it('prints a report’s errors as check does, and exits 1', async () => {
    const result = await cli(['figures', 'samples/broken.md', '--exempt'], work);
    assert.equal(result.code, 1);
    assert.match(result.err, /^samples\/broken\.md:\d+:\d+ error Unknown indicator OP418/m);
    // Its fences cannot be read with certainty, so no export of it is written, exempt or not.
    assert.equal(result.out, 'No figures.');
    // An error that leaves the rest readable lists the rest.
    writeFileSync(
      join(work, 'unknown.md'),
      '---\ntitle: Unknown\nperiod: 2023/24 Q4\ndata: small.yaml\n---\n\nMissing: :value{id=MISS}, :value{id=NOPE}.\n',
    );
    const unknown = await cli(['figures', 'unknown.md', '--exempt'], work);
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /unknown\.md:7:\d+ error Unknown indicator NOPE/);
    assert.match(unknown.out, /^PLACE +INDICATOR/);
    assert.match(unknown.out, /MISS/);
    // Errors that stop a public export leave nothing of the report in it, nor in its list.
    const open = await cli(['figures', 'samples/broken.md'], work);
    assert.equal(open.code, 1);
    assert.equal(open.out, 'No figures.');
    // Nor in the exempt list of a report whose front matter could not be read, which no
    // export writes.
    writeFileSync(
      join(work, 'typo.md'),
      '---\ntitle: Typo\nperiod: 2023/24 Q4\ndata: small.yaml\nclasification: exempt\n---\n\nMissing: :value{id=MISS}.\n',
    );
    const typo = await cli(['figures', 'typo.md', '--exempt'], work);
    assert.equal(typo.code, 1);
    assert.equal(typo.out, 'No figures.');
    assert.match(typo.err, /typo\.md:5:1 error .*front-matter-invalid/);
    // A report that is not there is a usage error, as check and diff say.
    const missing = await cli(['figures', 'nowhere.md'], work);
    assert.equal(missing.code, 2);
    assert.equal(missing.err, 'scorecard: nowhere.md: no such file');
    assert.equal((await cli(['check', 'nowhere.md'], work)).code, 2);
    const folder = await cli(['figures', 'samples'], work);
    assert.equal(folder.code, 2);
    assert.match(folder.err, /samples: a folder/);
  });

  it('reads the DfE folder as check and export do (--dfe-dir, here through a link)', async () => {
    const report = 'samples/dfe/haringey-published-statistics.md';
    // A folder set through a symbolic link: files are read by their real paths.
    const linked = join(work, 'dfe-link');
    symlinkSync(DFE_DIR, linked);
    const checked = await cli(['check', report, '--dfe-dir', linked], work);
    const listed = await cli(['figures', report, '--format', 'json', '--dfe-dir', linked], work);
    assert.equal(checked.code, 0, checked.err);
    assert.equal(listed.code, 0, listed.err);
    assert.doesNotMatch(listed.err, /data-missing|DfE data folder/);
    const figures = JSON.parse(listed.out) as FigureRecord[];
    const fromDfe = figures.filter((figure) => figure.source?.file.startsWith('dfe:'));
    assert.ok(fromDfe.length > 10, `${fromDfe.length} figures from DfE files`);
    assert.ok(fromDfe.some((figure) => figure.kind === 'benchmark' && figure.value !== null));
    // An export carries the same names: nothing of where the DfE folder is on this machine.
    const exported = await cli(['export', report, '-o', 'dfe.html', '--dfe-dir', linked], work);
    assert.equal(exported.code, 0, exported.err);
    const html = readFileSync(join(work, 'dfe.html'), 'utf8');
    assert.match(html, /"dfe:c1_children_in_need_referrals/);
    assert.doesNotMatch(html, /shared\/data\/dfe|dfe-link/);
  });

  it('exits 2 on usage errors', async () => {
    for (const argv of [
      ['figures'],
      ['figures', 'a.md', 'b.md'],
      ['figures', 'a.md', '--preview'],
      ['figures', 'a.md', '--public', '--exempt'],
      ['figures', 'a.md', '--format', 'xml'],
      ['figures', 'a.md', '-o', 'x.html'],
    ]) {
      const result = await cli(argv, work);
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.err, /scorecard: /);
    }
  });

  it('runs as a process from the bundled CLI', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(
      process.execPath,
      [join(repo, 'bin', 'scorecard.js'), 'figures', `samples/${sample}`, '--format', 'json'],
      { cwd: work, maxBuffer: 64 * 1024 * 1024 },
    );
    const listed = JSON.parse(stdout) as FigureRecord[];
    assert.ok(listed.length > 100);
  });
});

describe('the CSV writer', () => {
  it('quotes what RFC 4180 says to, and a CSV parser reads it back', () => {
    const rows = [
      ['plain', 'a, comma', 'a "quote"', 'two\nlines', 'cr\r\nlf', '', 58, null, true],
      ['£7,214', '−13 pp', '▼ Red', ' space ', '"', ',', 0, -1.5, false],
    ];
    const text = csvText(rows);
    assert.ok(text.endsWith('\r\n'));
    assert.equal(
      text.split('\r\n')[0]?.startsWith('plain,"a, comma","a ""quote""","two\nlines"'),
      true,
    );
    const read = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true });
    assert.deepEqual(read.errors, []);
    assert.deepEqual(
      read.data,
      rows.map((row) => row.map((field) => (field === null ? '' : String(field)))),
    );
  });

  it('keeps text a spreadsheet would run as a formula as text', () => {
    for (const formula of ['=HYPERLINK("x")', '+1+cmd', '-1-A1', '-x', '@SUM(A1)', '\tx'])
      assert.equal(inertText(formula), `'${formula}`);
    for (const text of ['58%', '▼ Red', 'England', '−13 pp', '-3.3', '+5%', '-1,204', '0.4'])
      assert.equal(inertText(text), text);
    assert.equal(inertText('Girls\u0007'), 'Girls\ufffd');
    assert.equal(inertText('two\nlines'), 'two\nlines');
  });
});
