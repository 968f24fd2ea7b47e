/** `no-rank` where the authority's own published figure is a symbol or has no row. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../src/engine/index.js';
import { HARINGEY, row, sampleRows, tempDir, writeCsv } from './temp-csv.js';

describe('rank of a symbol or a missing row', function () {
  this.timeout(60_000);
  it('gives no rank, with the reason, for a blank (x) figure and for a period without a row', async () => {
    const dir = tempDir();
    writeCsv(dir, 'ees.csv', [
      ...sampleRows(),
      row({ ...HARINGEY, time_period: '2023', pct: 'c' }),
      row({
        la_name: 'Barnet',
        old_la_code: '302',
        new_la_code: 'E09000003',
        region_code: 'E13000002',
        region_name: 'Outer London',
        time_period: '2022',
        pct: '30',
      }),
    ]);
    writeFileSync(
      join(dir, 'data.yaml'),
      "sources:\n  s:\n    ees: ees.csv\n    la: '309'\nindicators:\n  - { id: P, title: P, unit: percent, polarity: higher, source: s, value: pct }\n",
    );
    const report =
      '---\ntitle: T\ndata: data.yaml\n---\n\n' +
      ':rank{id=P vs=England period=2024/25} :rank{id=P vs=London period=2023/24} :quartile{id=P vs=London period=2022/23} :rank{id=P vs=England period=2021/22}\n';
    const result = await createEngine().render(report, {
      path: join(dir, 'report.md'),
      mode: 'exempt',
    });
    const spans = [
      ...result.body.matchAll(/<span class="sc-(?:rank|quartile)[^"]*">([^<]*)<\/span>/g),
    ].map((m) => m[1]);
    // 2024/25: Haringey 40 and Bristol 61.2 are ranked among England (higher is better).
    assert.equal(spans[0], '2nd of 2 local authorities in England');
    assert.deepEqual(spans.slice(1), ['no rank', 'no quartile', 'no rank']);
    const reasons = result.messages.filter((m) => m.ruleId === 'no-rank').map((m) => m.reason);
    assert.equal(reasons.length, 3);
    assert.deepEqual(reasons, [
      'P has no rank for 2023/24: its figure is not available (x)',
      'P has no rank for 2022/23: its figure is suppressed (c)',
      'P has no rank for 2021/22: the published file has no figure for Haringey then',
    ]);
  });
});
