/**
 * A breakdown indicator's categories, each seen as an indicator of its own (same unit,
 * polarity and disclosure rules) so that a category's figure is found, judged stale or
 * missing, and disclosed exactly as any figure is. Its id joins the parent's id and the
 * category with `::`, which no data file can write (ids are letters, digits, `_ . -`),
 * so the disclose stage can key its decisions on it without meeting a real indicator.
 */
import type { Catalogue, Indicator } from './types.js';

const SEPARATOR = '::';
const byCategory = new WeakMap<Indicator, Map<string, Indicator>>();

export function categoryId(parent: string, category: string): string {
  return `${parent}${SEPARATOR}${category}`;
}

/** The breakdown indicator and category an id made by `categoryId` joins; undefined for any other id. */
export function splitCategoryId(
  id: string,
): { readonly parent: string; readonly category: string } | undefined {
  const at = id.indexOf(SEPARATOR);
  return at === -1
    ? undefined
    : { parent: id.slice(0, at), category: id.slice(at + SEPARATOR.length) };
}

/** An id as an author reads it: a category's is its indicator's and the category's name. */
export function indicatorLabel(id: string): string {
  const split = splitCategoryId(id);
  return split ? `${split.parent} (category "${split.category}")` : id;
}

/** One category as an indicator (cached: figure lookups cache per indicator object). */
export function categoryIndicator(indicator: Indicator, category: string): Indicator {
  let cache = byCategory.get(indicator);
  if (!cache) byCategory.set(indicator, (cache = new Map()));
  let found = cache.get(category);
  if (!found) {
    const { breakdownValues, categories, breakdown, peers, partOf, ...rest } = indicator;
    void categories;
    void breakdown;
    void peers;
    void partOf;
    found = {
      ...rest,
      id: categoryId(indicator.id, category),
      title: `${indicator.title}: ${category}`,
      values: (breakdownValues ?? []).filter((v) => v.category === category),
      // Targets and benchmarks are the whole indicator's, not a category's.
      targets: [],
      benchmarks: [],
      // A count's categories add up to its total (rows without a category), so a total
      // and all but one category give the last away: they are its parts.
      ...(indicator.unit === 'count' ? { partOf: indicator.id } : {}),
    };
    cache.set(category, found);
  }
  return found;
}

/** The category indicator an id made by `categoryId` names, if its parent has it. */
export function findCategoryIndicator(
  catalogue: Pick<Catalogue, 'indicators'>,
  id: string,
): Indicator | undefined {
  const split = splitCategoryId(id);
  if (!split) return undefined;
  const parent = catalogue.indicators.get(split.parent);
  if (!parent?.categories?.includes(split.category)) return undefined;
  return categoryIndicator(parent, split.category);
}

/** Every category indicator of the catalogue's count breakdowns (the parts of totals). */
export function countCategoryIndicators(catalogue: Pick<Catalogue, 'indicators'>): Indicator[] {
  const found: Indicator[] = [];
  for (const indicator of catalogue.indicators.values()) {
    if (indicator.unit !== 'count') continue;
    for (const category of indicator.categories ?? [])
      found.push(categoryIndicator(indicator, category));
  }
  return found;
}
