import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { createEngine, createMemoryHost } from '../../src/engine/index.js';
import { HARINGEY, HEADER, row } from '../ees/temp-csv.js';

/** The engine on a host whose files live in memory: nothing is read from the disk. */
describe('createEngine on an in-memory host', function () {
  this.timeout(60_000);
  // Paths no disk of a test machine has, so a read that bypassed the host would fail.
  const root = resolve('/scorecard-memory-host-test');
  const reportPath = join(root, 'reports', 'report.md');
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
  const report = (dataPath: string) =>
    `---\ntitle: T\nperiod: 2023/24 Q4\ndata: ${dataPath}\n---\n\nNow :value{id=OP148}.\n\n::chart{id=OP148 periods=2}\n`;

  it('renders a report and its YAML data, chart included, entirely from memory', async () => {
    const host = createMemoryHost({ [join(root, 'reports', 'data.yaml')]: data(58) });
    const engine = createEngine({ host });
    const result = await engine.render(report('data.yaml'), { path: reportPath });
    assert.deepEqual(result.messages, []);
    assert.match(result.body, /<span class="sc-value">58%<\/span>/);
    assert.match(result.body, /<svg/);
    assert.deepEqual(result.dataFiles, [join(root, 'reports', 'data.yaml')]);
    // A changed file is read again (its modification time moved on).
    host.write(join(root, 'reports', 'data.yaml'), data(57));
    assert.match((await engine.render(report('data.yaml'), { path: reportPath })).body, />57%</);
  });

  it('gives positioned messages for the data it holds', async () => {
    const host = createMemoryHost({
      [join(root, 'reports', 'data.yaml')]: data(58).replace('unit: percent', 'unit: [percent'),
    });
    const messages = await createEngine({ host }).check(report('data.yaml'), { path: reportPath });
    const problem = messages.find((message) => message.file.endsWith('data.yaml'));
    assert.ok(problem, JSON.stringify(messages));
    assert.equal(problem.line, 5);
  });

  it('keeps the file access policy: no reading outside the report folder, links followed', async () => {
    const host = createMemoryHost(
      {
        [join(root, 'secret', 'data.yaml')]: data(58),
        [join(root, 'allowed', 'data.yaml')]: data(59),
      },
      { links: { [join(root, 'reports', 'out')]: '../secret' } },
    );
    const engine = createEngine({ host, allowedRoots: [join(root, 'allowed')] });
    const outside = await engine.check(report('../secret/data.yaml'), { path: reportPath });
    assert.equal(outside[0]?.ruleId, 'path-not-allowed');
    const linked = await engine.check(report('out/data.yaml'), { path: reportPath });
    assert.equal(linked[0]?.ruleId, 'path-not-allowed', 'a link out of the folder is refused');
    const missing = await engine.check(report('out/none.yaml'), { path: reportPath });
    assert.equal(missing[0]?.ruleId, 'path-not-allowed', 'a missing file behind a link too');
    const allowed = await engine.render(report('../allowed/data.yaml'), { path: reportPath });
    assert.match(allowed.body, />59%</);
  });

  it('reads dfe: paths from the host DfE folder, and says when there is none', async () => {
    const csv = [
      [...HEADER],
      row({ geographic_level: 'National', pct: '50' }),
      row({ ...HARINGEY, pct: '41' }),
    ]
      .map((cells) => cells.join(','))
      .join('\n');
    const yaml =
      `sources:\n  s:\n    ees: dfe:x.csv\n    la: '309'\n` +
      `indicators:\n  - id: A\n    title: A\n    unit: percent\n    polarity: higher\n    source: s\n    value: pct\n`;
    const files = {
      [join(root, 'reports', 'data.yaml')]: yaml,
      [join(root, 'dfe', 'x.csv')]: csv,
    };
    const text = `---\ntitle: T\ndata: data.yaml\n---\n\nNow :value{id=A period=2024/25}.\n`;
    const host = createMemoryHost(files, { dfeDataFolder: join(root, 'dfe') });
    const found = await createEngine({ host }).render(text, { path: reportPath });
    assert.deepEqual(found.messages, []);
    assert.match(found.body, />41%</);
    const none = await createEngine({ host: createMemoryHost(files) }).check(text, {
      path: reportPath,
    });
    assert.ok(
      none.some(
        (message) => message.ruleId === 'data-missing' && /no DfE data folder/.test(message.reason),
      ),
      JSON.stringify(none),
    );
  });

  it('gives two engines a chart cache each', async () => {
    const files = { [join(root, 'reports', 'data.yaml')]: data(58) };
    const first = createEngine({ host: createMemoryHost(files) });
    const second = createEngine({ host: createMemoryHost(files) });
    await first.render(report('data.yaml'), { path: reportPath });
    assert.equal(first.chartStats().renders, 1);
    assert.equal(second.chartStats().renders, 0);
    await second.render(report('data.yaml'), { path: reportPath });
    assert.equal(second.chartStats().renders, 1, 'drawn again: nothing is shared');
  });
});
