/**
 * Which indicators a block read while it was resolved and built. A block's HTML depends
 * on the catalogue only through them (a card on its indicator, a scorecard on the ones it
 * lists), so the block render cache keys a block on their content rather than on the
 * whole catalogue's: one indicator's data changing re-renders only the blocks that show
 * it. A block that walks every indicator (a scorecard by tag, a mistyped id looking for
 * its nearest neighbours) depends on all of them.
 */
import { createHash } from 'node:crypto';
import type { Catalogue, Indicator } from './types.js';

/** The ids a block looked up, or every indicator. */
export interface CatalogueReads {
  readonly ids: Set<string>;
  all: boolean;
}

/** The catalogue as a block sees it, every indicator it reads written down in `reads`. */
export function recordingCatalogue(catalogue: Catalogue, reads: CatalogueReads): Catalogue {
  return { ...catalogue, indicators: new RecordingIndicators(catalogue.indicators, reads) };
}

/**
 * The indicators map behind a recording view. Work that reads the catalogue only to
 * decide when to do something, never what it prints (whether a chart may be drawn before
 * the disclose stage), looks through the view so it is not counted as a dependency.
 */
export function unrecorded(
  indicators: ReadonlyMap<string, Indicator>,
): ReadonlyMap<string, Indicator> {
  return indicators instanceof RecordingIndicators ? indicators.source : indicators;
}

class RecordingIndicators implements ReadonlyMap<string, Indicator> {
  constructor(
    readonly source: ReadonlyMap<string, Indicator>,
    private readonly reads: CatalogueReads,
  ) {}
  get(key: string): Indicator | undefined {
    this.reads.ids.add(key);
    return this.source.get(key);
  }
  has(key: string): boolean {
    this.reads.ids.add(key);
    return this.source.has(key);
  }
  get size(): number {
    this.reads.all = true;
    return this.source.size;
  }
  forEach(
    callback: (value: Indicator, key: string, map: ReadonlyMap<string, Indicator>) => void,
    thisArg?: unknown,
  ): void {
    this.reads.all = true;
    this.source.forEach((value, key) => callback.call(thisArg, value, key, this));
  }
  entries(): MapIterator<[string, Indicator]> {
    this.reads.all = true;
    return this.source.entries();
  }
  keys(): MapIterator<string> {
    this.reads.all = true;
    return this.source.keys();
  }
  values(): MapIterator<Indicator> {
    this.reads.all = true;
    return this.source.values();
  }
  [Symbol.iterator](): MapIterator<[string, Indicator]> {
    return this.entries();
  }
}

const digests = new WeakMap<Indicator, string>();

/** A digest of one indicator's content, computed once per indicator object. */
function indicatorDigest(indicator: Indicator): string {
  let digest = digests.get(indicator);
  if (digest === undefined) {
    digest = createHash('sha1').update(JSON.stringify(indicator)).digest('base64');
    digests.set(indicator, digest);
  }
  return digest;
}

/** The digest of reads of every indicator, once per catalogue (every such block asks it). */
const allDigests = new WeakMap<ReadonlyMap<string, Indicator>, string>();

/** A digest of what the reads saw in this catalogue: equal digests, equal inputs. */
export function readsDigest(catalogue: Catalogue, reads: CatalogueReads): string {
  const indicators = unrecorded(catalogue.indicators);
  if (reads.all) {
    let digest = allDigests.get(indicators);
    if (digest === undefined) {
      digest = digestOf(indicators, [...indicators.keys()], '*');
      allDigests.set(indicators, digest);
    }
    return digest;
  }
  // Most blocks read one indicator: no list to sort.
  if (reads.ids.size === 1) for (const id of reads.ids) return digestOf(indicators, [id], '');
  return digestOf(indicators, [...reads.ids].sort(), '');
}

function digestOf(
  indicators: ReadonlyMap<string, Indicator>,
  ids: readonly string[],
  head: string,
): string {
  const parts = [head];
  for (const id of ids) {
    const indicator = indicators.get(id);
    parts.push(`${id}\u0001${indicator ? indicatorDigest(indicator) : '-'}`);
  }
  return parts.join('\u0002');
}
