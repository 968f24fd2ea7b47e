import assert from 'node:assert/strict';
import { dataYaml, indicatorId } from '../../bench/generate.js';
import { readsDigest, recordingCatalogue } from '../../src/engine/catalogue-reads.js';
import type { CatalogueReads } from '../../src/engine/catalogue-reads.js';
import { buildCatalogue } from '../../src/engine/data/build-catalogue.js';
import { readDataDocument } from '../../src/engine/data/read-data-document.js';
import type { Catalogue } from '../../src/engine/types.js';

function catalogue(text: string): Catalogue {
  return buildCatalogue({
    structured: [readDataDocument(text, '/d/data.yaml')],
    csv: [],
    ees: [],
    smallNumberThreshold: 5,
    files: [],
  }).catalogue;
}

/** The data with one indicator's latest value changed. */
function changed(text: string, id: string, value: number): string {
  const at = text.indexOf('2023/24 Q4, value: ', text.indexOf(`id: ${id}`)) + 19;
  return text.slice(0, at) + String(value) + text.slice(text.indexOf(',', at));
}

describe('catalogue reads: what a block read, as a digest', () => {
  const text = dataYaml(4);
  const one = (id: string): CatalogueReads => ({ ids: new Set([id]), all: false });
  const two: CatalogueReads = { ids: new Set([indicatorId(2), indicatorId(0)]), all: false };
  const all: CatalogueReads = { ids: new Set(), all: true };

  it('changes exactly when an indicator read changes, the same for equal catalogues', () => {
    const first = catalogue(text);
    const same = catalogue(text);
    const other = catalogue(changed(text, indicatorId(1), 99));
    for (const reads of [one(indicatorId(0)), one(indicatorId(1)), one('NOPE'), two, all]) {
      assert.equal(readsDigest(first, reads), readsDigest(same, reads));
    }
    assert.equal(readsDigest(first, one(indicatorId(0))), readsDigest(other, one(indicatorId(0))));
    assert.equal(readsDigest(first, two), readsDigest(other, two));
    assert.notEqual(
      readsDigest(first, one(indicatorId(1))),
      readsDigest(other, one(indicatorId(1))),
    );
    // Every-indicator reads: remembered per catalogue, never carried to another one.
    assert.notEqual(readsDigest(first, all), readsDigest(other, all));
    assert.equal(
      readsDigest(other, all),
      readsDigest(catalogue(changed(text, indicatorId(1), 99)), all),
    );
    assert.notEqual(readsDigest(first, all), readsDigest(first, one(indicatorId(0))));
  });

  it('does not depend on the order ids were read in, and records reads through a view', () => {
    const first = catalogue(text);
    const reversed: CatalogueReads = { ids: new Set([indicatorId(0), indicatorId(2)]), all: false };
    assert.equal(readsDigest(first, two), readsDigest(first, reversed));
    const reads: CatalogueReads = { ids: new Set(), all: false };
    const view = recordingCatalogue(first, reads);
    view.indicators.get(indicatorId(3));
    assert.deepEqual([...reads.ids], [indicatorId(3)]);
    assert.equal(readsDigest(view, reads), readsDigest(first, one(indicatorId(3))));
    assert.equal([...view.indicators.keys()].length, 4);
    assert.equal(reads.all, true);
    assert.equal(readsDigest(view, reads), readsDigest(first, all));
  });
});
