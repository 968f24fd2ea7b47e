import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { createEngine, decodeBytes } from '../../src/engine/index.js';
import type { Message } from '../../src/engine/index.js';

/**
 * Normalised at the door: reports and data files are UTF-8 only (a BOM is fine), every
 * other encoding is refused with a positioned `encoding` error, and CRLF and CR line ends
 * mean exactly what LF means.
 */
const DATA = `indicators:
  - id: OP148
    title: Care leavers in education, employment or training
    unit: percent
    decimals: 0
    polarity: higher
    values:
      - { period: 2023/24 Q4, value: 58 }
`;
const REPORT = `---
title: Panel report
period: 2023/24 Q4
data: data.yaml
---

Care leavers: :value{id=OP148}.

:::exempt
First exempt paragraph about a named child.

Second exempt paragraph after a blank line, about the family.
:::

Public closing words, and a problem: :value{id=NOPE}.
`;

function utf16le(text: string, bom = true): Buffer {
  return Buffer.concat([
    bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0),
    Buffer.from(text, 'utf16le'),
  ]);
}

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1] ?? 0;
    be[i + 1] = le[i] ?? 0;
  }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
}

function refused(result: ReturnType<typeof decodeBytes>): Message {
  assert.equal(result.ok, false, 'decoded what should have been refused');
  if (result.ok) throw new Error('unreachable');
  assert.equal(result.message.ruleId, 'encoding');
  assert.equal(result.message.severity, 'error');
  return result.message;
}

describe('decoding at the door', () => {
  it('reads UTF-8 with or without a BOM, and makes every line end LF', () => {
    const text = 'a\r\nb\rc\nd é ✓';
    for (const bytes of [
      Buffer.from(text),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
    ]) {
      const decoded = decodeBytes(bytes, '/r.md');
      assert.deepEqual(decoded, { ok: true, text: 'a\nb\nc\nd é ✓' });
    }
  });

  it('refuses UTF-16 (either byte order, with or without a BOM) and says to save as UTF-8', () => {
    for (const bytes of [utf16le(REPORT), utf16be(REPORT), utf16le(REPORT, false)]) {
      const message = refused(decodeBytes(bytes, '/r.md', 'report'));
      assert.match(message.reason, /looks like UTF-16/);
      assert.match(message.reason, /save it as UTF-8/);
      assert.equal(message.line, 1);
    }
    // Without a BOM the first NUL is the first bad byte: just after the first character.
    assert.equal(refused(decodeBytes(utf16le(REPORT, false), '/r.md')).column, 2);
  });

  it('refuses Latin-1 at the first bad byte, with line and column as an editor counts them', () => {
    const latin1 = Buffer.from('---\r\ntitle: Café report\r\n---\r\n', 'latin1');
    const message = refused(decodeBytes(latin1, '/r.md'));
    assert.deepEqual([message.line, message.column], [2, 11]);
    assert.match(message.reason, /not UTF-8 \(byte 0xE9/);
    // After multi-byte characters the column still counts characters, not bytes.
    const mixed = Buffer.concat([Buffer.from('é✓x'), Buffer.from([0xff]), Buffer.from('y')]);
    assert.deepEqual(
      [refused(decodeBytes(mixed, '/r.md')).line, refused(decodeBytes(mixed, '/r.md')).column],
      [1, 4],
    );
  });

  it('refuses binary files, overlong and surrogate encodings, and a cut-off character', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    // A binary is called what it is, not UTF-16: the advice to re-save as UTF-8 would mislead.
    const zip = Buffer.from(
      'PK\u0003\u0004\u0014\u0000\u0006\u0000\b\u0000\u0000\u0000!\u0000[Content_Types].xml',
    );
    for (const binary of [png, zip]) {
      const message = refused(decodeBytes(binary, '/data.csv', 'data file'));
      assert.match(message.reason, /^This data file is not text \(a NUL byte here/);
      assert.match(message.reason, /save as "CSV UTF-8"/);
    }
    const report = refused(decodeBytes(png, '/r.md', 'report'));
    assert.match(report.reason, /^This report is not text/);
    assert.doesNotMatch(report.reason, /Excel/, 'a report is not saved from Excel');
    refused(decodeBytes(Buffer.from([0x61, 0xc0, 0xaf]), '/r.md'));
    refused(decodeBytes(Buffer.from([0x61, 0xed, 0xa0, 0x80]), '/r.md'));
    const cut = refused(decodeBytes(Buffer.from([0x61, 0x0a, 0x62, 0xe2, 0x9c]), '/r.md'));
    assert.deepEqual([cut.line, cut.column], [2, 2]);
  });

  it('refuses text an editor could not decode (U+FFFD) or that holds NUL, at its place', () => {
    for (const [text, line, column] of [
      ['a\r\nb\uFFFDc\n', 2, 2],
      ['a\rbc\0', 2, 3],
      ['ok \uFFFD', 1, 4],
    ] as const) {
      const message = refused(decodeBytes(Buffer.from(text), '/r.md'));
      assert.deepEqual([message.line, message.column], [line, column], JSON.stringify(text));
    }
  });
});

describe('reports and data files at the door (engine and CLI)', function () {
  this.timeout(60_000);
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'scorecard-door-'));
    writeFileSync(join(folder, 'data.yaml'), DATA);
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const summary = (messages: readonly Message[]) =>
    messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.severity}`);

  it('CRLF, CR and mixed line ends render exactly as LF, in every mode, messages in place', async () => {
    const engine = createEngine();
    const path = join(folder, 'report.md');
    for (const mode of ['public', 'exempt', 'preview'] as const) {
      const lf = await engine.render(REPORT, { path, mode });
      const lines = REPORT.split('\n');
      const variants = {
        crlf: REPORT.replace(/\n/g, '\r\n'),
        cr: REPORT.replace(/\n/g, '\r'),
        mixed: lines
          .map((line, i) => line + (i === lines.length - 1 ? '' : ['\r\n', '\n', '\r'][i % 3]))
          .join(''),
      };
      for (const [name, text] of Object.entries(variants)) {
        const other = await createEngine().render(text, { path, mode });
        assert.equal(other.body, lf.body, `${name} ${mode}`);
        assert.deepEqual(summary(other.messages), summary(lf.messages), `${name} ${mode}`);
        if (mode === 'public') assert.doesNotMatch(other.html, /exempt paragraph/, name);
      }
    }
  });

  it('refuses a report string with U+FFFD or NUL (an editor that could not decode it)', async () => {
    const engine = createEngine();
    const path = join(folder, 'report.md');
    const text = REPORT.replace('Public closing', 'Public clos\uFFFDing');
    const result = await engine.render(text, { path, mode: 'public' });
    assert.equal(result.refused, true);
    const message = result.messages.find((m) => m.ruleId === 'encoding');
    assert.ok(message);
    assert.deepEqual([message.line, message.column], [15, 12]);
    assert.doesNotMatch(result.html, /named child|closing words/);
    const nul = await engine.check(REPORT.replace('title', 'ti\0tle'), { path, mode: 'preview' });
    assert.deepEqual(summary(nul.filter((m) => m.ruleId === 'encoding')), ['2:3 encoding error']);
  });

  it('reads what typing puts in, after an accepted text, as it reads a whole text', async () => {
    // While typing, only the characters that changed are read for what normalising looks
    // for; each of these, typed into an accepted report, must be found all the same.
    const path = join(folder, 'report.md');
    const typed: Array<[string, string]> = [
      ['U+FFFD', REPORT.replace('Public closing', 'Public clos\uFFFDing')],
      ['NUL', REPORT.replace('Public closing', 'Public clos\0ing')],
      ['CR', REPORT.replace('Public closing', 'Public\rclosing')],
      ['CRLF', REPORT.replace('Public closing', 'Public\r\nclosing')],
      ['a byte order mark', `\uFEFF${REPORT}`],
    ];
    for (const [name, text] of typed) {
      const engine = createEngine();
      await engine.render(REPORT, { path, mode: 'public' });
      const typedResult = await engine.render(text, { path, mode: 'public' });
      const fresh = await createEngine().render(text, { path, mode: 'public' });
      assert.equal(typedResult.body, fresh.body, name);
      assert.deepEqual(summary(typedResult.messages), summary(fresh.messages), name);
      assert.equal(typedResult.refused, fresh.refused, name);
    }
  });

  it('the CLI refuses UTF-16 and Latin-1 reports with a positioned error and writes nothing', async () => {
    const lines: string[] = [];
    const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) };
    const cases: Array<[string, Buffer, RegExp]> = [
      [
        'notepad.md',
        utf16le(REPORT),
        /notepad\.md:1:1 error This report looks like UTF-16.* encoding$/m,
      ],
      [
        'latin.md',
        Buffer.from(REPORT.replace('Panel', 'Pànel'), 'latin1'),
        /latin\.md:2:9 error This report is not UTF-8.* encoding$/m,
      ],
    ];
    for (const [name, bytes, expected] of cases) {
      lines.length = 0;
      writeFileSync(join(folder, name), bytes);
      assert.equal(await runCli(['export', join(folder, name)], io), 1);
      assert.match(lines.join('\n'), expected);
      assert.equal(await runCli(['check', join(folder, name)], io), 1);
    }
    assert.deepEqual(
      readdirSync(folder).filter((f) => f.endsWith('.html')),
      [],
    );
    // Found in a folder too, so it is refused rather than silently left out.
    lines.length = 0;
    assert.equal(await runCli(['check', folder], io), 1);
    assert.match(lines.join('\n'), /notepad\.md:1:1 error This report looks like UTF-16/);
    // The same report in UTF-8 with CRLF line ends exports (the data file is fine).
    writeFileSync(
      join(folder, 'crlf.md'),
      REPORT.replace(':value{id=NOPE}', '').replace(/\n/g, '\r\n'),
    );
    assert.equal(await runCli(['export', join(folder, 'crlf.md')], io), 0, lines.join('\n'));
  });

  it('refuses data files that are not UTF-8, positioned in the data file', async () => {
    const engine = createEngine();
    const path = join(folder, 'report.md');
    const report = REPORT.replace(':value{id=NOPE}', '');
    writeFileSync(
      join(folder, 'data.yaml'),
      Buffer.from(DATA.replace('Care leavers', 'Care lèavers'), 'latin1'),
    );
    const latin = await engine.render(report, { path, mode: 'preview' });
    const message = latin.messages.find((m) => m.ruleId === 'encoding');
    assert.ok(message, JSON.stringify(latin.messages));
    assert.equal(message.file, join(folder, 'data.yaml'));
    assert.deepEqual([message.line, message.column], [3, 18]);
    assert.equal(latin.refused, true);

    writeFileSync(join(folder, 'data.yaml'), utf16le(DATA));
    const wide = await createEngine().check(report, { path, mode: 'public' });
    const utf16 = wide.filter((m) => m.ruleId === 'encoding');
    assert.equal(utf16.length, 1);
    assert.match(utf16[0]?.reason ?? '', /UTF-16/);
    assert.ok((utf16[0]?.reason.length ?? 0) < 200, 'one short message, not the file');

    // CRLF in a data file means what LF means.
    writeFileSync(join(folder, 'data.yaml'), DATA.replace(/\n/g, '\r\n'));
    const crlf = await createEngine().render(report, { path, mode: 'public' });
    assert.deepEqual(summary(crlf.messages), []);
    assert.match(crlf.body, /58%/);
  });

  it('refuses a CSV data file that is not UTF-8', async () => {
    const csv = 'indicator,period,value\nOP148,2023/24 Q4,58\nOP148,2023/24 Q3,5\xe9\n';
    writeFileSync(join(folder, 'values.csv'), Buffer.from(csv, 'latin1'));
    writeFileSync(join(folder, 'data.yaml'), DATA);
    const report = REPORT.replace('data: data.yaml', 'data: [data.yaml, values.csv]').replace(
      ':value{id=NOPE}',
      '',
    );
    const messages = await createEngine().check(report, {
      path: join(folder, 'report.md'),
      mode: 'public',
    });
    const message = messages.find((m) => m.ruleId === 'encoding');
    assert.ok(message, JSON.stringify(messages));
    assert.equal(message.file, join(folder, 'values.csv'));
    assert.deepEqual([message.line, message.column], [3, 19]);
  });
});
