/**
 * The directives as completion needs them. The names, kinds and attributes come from the
 * engine's own registry (one table for validation, completion and hover); this module only
 * adds what completion offers as values, and maps colons to kinds. The registry is plain
 * data, so importing it keeps activation cheap.
 */
import {
  DIRECTIVES,
  SCORECARD_STATUSES,
  directiveSpec,
  type AttributeSpec,
  type DirectiveKind,
  type DirectiveSpec,
} from '../../engine/index.js';

export {
  DIRECTIVES,
  SCORECARD_STATUSES,
  directiveSpec,
  type AttributeSpec,
  type DirectiveKind,
  type DirectiveSpec,
};

/** Where completion finds the values of an attribute. */
export type ValueSource =
  | 'indicator'
  | 'indicators'
  | 'period'
  | 'comparator'
  | 'comparators'
  | 'tag'
  | 'category'
  | 'statuses'
  | 'enum'
  | 'free';

const VALUE_SOURCES: Readonly<Record<string, ValueSource>> = {
  id: 'indicator',
  ids: 'indicators',
  period: 'period',
  vs: 'comparator',
  benchmarks: 'comparators',
  tag: 'tag',
  category: 'category',
  // `rank="London,England"` on a scorecard or card names the groups as comparators do.
  rank: 'comparators',
  status: 'statuses',
};

export function valueSource(attribute: AttributeSpec): ValueSource {
  if (attribute.values && attribute.values.length > 0) return 'enum';
  return VALUE_SOURCES[attribute.name] ?? 'free';
}

/** Attributes whose value is a comma-separated list, completed item by item. */
export function isListAttribute(name: string): boolean {
  const source = VALUE_SOURCES[name];
  return source === 'indicators' || source === 'comparators' || source === 'statuses';
}

export function kindOfColons(colons: number): DirectiveKind {
  if (colons === 1) return 'textDirective';
  if (colons === 2) return 'leafDirective';
  return 'containerDirective';
}

export function directivesFor(kind: DirectiveKind): DirectiveSpec[] {
  return DIRECTIVES.filter((d) => d.kinds.includes(kind));
}

export function findAttribute(directive: string, attribute: string): AttributeSpec | undefined {
  return directiveSpec(directive)?.attributes.find((a) => a.name === attribute);
}
