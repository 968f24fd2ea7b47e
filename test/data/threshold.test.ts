import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadCatalogue } from '../../src/engine/data/load-catalogue.js';
import { createEngine } from '../../src/engine/index.js';
import { reportPlace, tempDir, writeFiles } from './helpers.js';
import { createNodeHost } from '../../src/engine/index.js';

/** `small_number_threshold` fails closed: at least 1, and the strictest one applies. */
const INDICATOR = `indicators:
  - { id: N, title: A count, unit: count, polarity: none, values: [{ period: 2023/24, value: 4 }] }
`;

async function load(dir: string, files: string[]) {
  return loadCatalogue(
    files.map((file) => ({ path: file, place: reportPlace(dir) })),
    { reportDir: dir, allowedRoots: [], host: createNodeHost() },
    { smallNumberThreshold: 5 },
  );
}

describe('data: small_number_threshold', () => {
  for (const written of ['0', '-1', '0.5', '2.5']) {
    it(`refuses ${written} as data-invalid, with file and line, and keeps suppressing`, async () => {
      const dir = writeFiles(tempDir(), {
        'd.yaml': `# the council's own rule\nsmall_number_threshold: ${written}\n${INDICATOR}`,
      });
      const { catalogue, messages } = await load(dir, ['d.yaml']);
      const invalid = messages.filter((m) => m.ruleId === 'data-invalid');
      assert.equal(invalid.length, 1, JSON.stringify(messages));
      assert.equal(invalid[0]!.severity, 'error');
      assert.equal(path.basename(invalid[0]!.file), 'd.yaml');
      assert.equal(invalid[0]!.line, 2);
      assert.match(invalid[0]!.reason, /small_number_threshold/);
      // An invalid threshold never loosens suppression: the default applies.
      assert.equal(catalogue.smallNumberThreshold, 5);
    });
  }

  it('takes an invalid fraction above the default as the whole number above it', async () => {
    const dir = writeFiles(tempDir(), {
      'd.yaml': `small_number_threshold: 9.5\n${INDICATOR}`,
    });
    const { catalogue } = await load(dir, ['d.yaml']);
    assert.equal(catalogue.smallNumberThreshold, 10);
  });

  it('applies the strictest threshold of several files and says so where it is overridden', async () => {
    const dir = writeFiles(tempDir(), {
      'a.yaml': `small_number_threshold: 3\n${INDICATOR}`,
      'b.yaml': 'small_number_threshold: 10\nindicators: []\n',
    });
    for (const order of [
      ['a.yaml', 'b.yaml'],
      ['b.yaml', 'a.yaml'],
    ]) {
      const { catalogue, messages } = await load(dir, order);
      assert.equal(catalogue.smallNumberThreshold, 10);
      const told = messages.filter((m) => m.ruleId === 'small-number');
      assert.deepEqual(
        told.map((m) => [path.basename(m.file), m.line, m.severity]),
        [['a.yaml', 1, 'warning']],
      );
      assert.match(told[0]!.reason, /b\.yaml sets 10/);
    }
  });

  it('a second file cannot loosen the first: its count stays suppressed', async () => {
    const dir = writeFiles(tempDir(), {
      'a.yaml': `small_number_threshold: 5\n${INDICATOR}`,
      'b.yaml': 'small_number_threshold: 0\nindicators: []\n',
      'report.md': '---\nperiod: 2023/24\ndata: [a.yaml, b.yaml]\n---\n\nCount: :value{id=N}.\n',
    });
    const result = await createEngine().render(
      fs.readFileSync(path.join(dir, 'report.md'), 'utf8'),
      { path: path.join(dir, 'report.md'), mode: 'public' },
    );
    assert.doesNotMatch(result.body, /Count: <span class="sc-value">4/);
    assert.match(result.body, /suppressed/);
    assert.ok(result.messages.some((m) => m.ruleId === 'data-invalid' && m.line === 1));
    assert.equal(result.refused, true);
  });

  it('ignores an engine option below 1', async () => {
    const dir = writeFiles(tempDir(), {
      'd.yaml': INDICATOR,
      'report.md': '---\nperiod: 2023/24\ndata: d.yaml\n---\n\nCount: :value{id=N}.\n',
    });
    const result = await createEngine({ smallNumberThreshold: 0 }).render(
      fs.readFileSync(path.join(dir, 'report.md'), 'utf8'),
      { path: path.join(dir, 'report.md'), mode: 'public', allowSmallNumbers: true },
    );
    assert.match(result.body, /suppressed/);
  });
});
