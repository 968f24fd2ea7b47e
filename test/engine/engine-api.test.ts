import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../src/engine/index.js';

/** The library API the extension relies on: render(text, { path }) -> { html, messages }. */
describe('createEngine', function () {
  this.timeout(60_000);
  let folder: string;
  const data = (value: number) => `indicators:
  - id: OP148
    title: Care leavers in education, employment or training
    unit: percent
    decimals: 0
    polarity: higher
    values:
      - { period: 2023/24 Q3, value: 55 }
      - { period: 2023/24 Q4, value: ${value} }
`;
  const report = `---\ntitle: T\nperiod: 2023/24 Q4\ndata: data.yaml\n---\n\nNow :value{id=OP148}.\n\n::chart{id=OP148 periods=2}\n`;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'scorecard-engine-'));
    writeFileSync(join(folder, 'data.yaml'), data(58));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('returns a whole document, the body, the CSS, messages and the data files read', async () => {
    const result = await createEngine().render(report, { path: join(folder, 'report.md') });
    assert.match(result.html, /^<!doctype html>/);
    assert.match(result.body, /<span class="sc-value">58%<\/span>/);
    assert.ok(result.css.length > 1000);
    assert.deepEqual(result.messages, []);
    assert.deepEqual(result.dataFiles, [join(folder, 'data.yaml')]);
    assert.equal(result.refused, false);
  });

  it('reuses rendered charts between calls', async () => {
    const engine = createEngine();
    await engine.render(report, { path: join(folder, 'report.md') });
    const before = engine.chartStats().renders;
    await engine.render(report.replace('Now', 'Today'), { path: join(folder, 'report.md') });
    assert.equal(engine.chartStats().renders, before, 'an unchanged chart is not drawn again');
  });

  it('re-reads a data file only when it changed on disk', async () => {
    const engine = createEngine();
    const path = join(folder, 'report.md');
    const file = join(folder, 'data.yaml');
    const mtime = new Date('2024-07-01T09:00:00Z');
    utimesSync(file, mtime, mtime);
    assert.match((await engine.render(report, { path })).body, />58%</);
    // Same size and modification time: the cached parse is used, even though the text differs.
    writeFileSync(file, data(57));
    utimesSync(file, mtime, mtime);
    assert.match((await engine.render(report, { path })).body, />58%</);
    // A real change (new modification time) is picked up.
    const later = new Date(mtime.getTime() + 5000);
    utimesSync(file, later, later);
    assert.match((await engine.render(report, { path })).body, />57%</);
    // invalidate() forces a re-read, as the extension's file watcher does.
    writeFileSync(file, data(56));
    utimesSync(file, later, later);
    engine.invalidate(file);
    assert.match((await engine.render(report, { path })).body, />56%</);
    assert.equal(readFileSync(file, 'utf8'), data(56));
  });

  it('check() gives the same messages as render() without drawing charts', async () => {
    const engine = createEngine();
    const broken = report.replace('OP148}.', 'OP418}.');
    const path = join(folder, 'report.md');
    const before = engine.chartStats().renders;
    const checked = await engine.check(broken, { path });
    assert.equal(engine.chartStats().renders, before);
    const rendered = await engine.render(broken, { path });
    assert.deepEqual(checked, rendered.messages);
    assert.equal(checked[0]?.ruleId, 'unknown-indicator');
  });

  it('catalogue() gives the indicators and the report period for completion and hover', async () => {
    const result = await createEngine().catalogue(report, { path: join(folder, 'report.md') });
    assert.equal(result.period, '2023/24 Q4');
    assert.equal(result.catalogue.indicators.get('OP148')?.values.length, 2);
  });

  it('never throws on a missing data file or an unreadable report path', async () => {
    const result = await createEngine().render(report.replace('data.yaml', 'nope.yaml'), {
      path: join(folder, 'report.md'),
    });
    assert.ok(
      result.messages.some((m) => m.ruleId === 'data-missing' && m.line === 4 && m.column === 7),
    );
    assert.equal(result.refused, true);
  });
});
