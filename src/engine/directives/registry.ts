/**
 * The directives of the language and the attributes each accepts (dsl.md, "Directives").
 * One table drives validation, completion and hover, so they can never disagree.
 */

export type DirectiveKind = 'textDirective' | 'leafDirective' | 'containerDirective';

export interface AttributeSpec {
  readonly name: string;
  readonly description: string;
  /** Allowed values, when the attribute is an enumeration. */
  readonly values?: readonly string[];
  readonly required?: boolean;
}

export interface DirectiveSpec {
  readonly name: string;
  readonly kinds: readonly DirectiveKind[];
  readonly summary: string;
  readonly attributes: readonly AttributeSpec[];
  /** At least one of these attributes must be present (e.g. `ids` or `tag`). */
  readonly oneOf?: readonly string[];
}

const id: AttributeSpec = {
  name: 'id',
  description: 'Indicator id or alias, e.g. OP148',
  required: true,
};
const period: AttributeSpec = {
  name: 'period',
  description:
    "Period to report, overriding the front matter's (2023/24 Q4, 2023/24, 2024-05, 2024-03-31)",
};
const compare: AttributeSpec = {
  name: 'compare',
  description: 'Compare with the previous period (default) or the same period a year earlier',
  values: ['previous', 'year'],
};
const rankVs: AttributeSpec = {
  name: 'vs',
  description:
    'The group to rank among: England (every local authority), the region (London covers Inner and Outer London) or Statistical neighbours',
  required: true,
};
const rankColumn: AttributeSpec = {
  name: 'rank',
  description:
    'Add the rank and quartile among a group: England, the region (e.g. London) or Statistical neighbours',
};
const benchmarks: AttributeSpec = {
  name: 'benchmarks',
  description: 'Comma-separated comparators to show, e.g. "England,London"; default all',
};

/** The statuses `::scorecard{status=…}` can keep, in the order a committee reads them. */
export const SCORECARD_STATUSES = ['red', 'amber', 'green', 'none'] as const;

export const DIRECTIVES: readonly DirectiveSpec[] = [
  {
    name: 'value',
    kinds: ['textDirective'],
    summary: 'The formatted value for the period',
    attributes: [
      id,
      period,
      {
        name: 'category',
        description: 'For a breakdown indicator: the category to show, e.g. "Abuse or neglect"',
      },
      {
        name: 'unit',
        description:
          'Print the counting unit beside the number (11 children); default true for counts',
        values: ['true', 'false'],
      },
    ],
  },
  {
    name: 'target',
    kinds: ['textDirective'],
    summary: 'The target for the period',
    attributes: [id, period],
  },
  {
    name: 'rag',
    kinds: ['textDirective'],
    summary: 'RAG status in words and shape',
    attributes: [id, period],
  },
  {
    name: 'change',
    kinds: ['textDirective'],
    summary: 'Direction of travel, better or worse by polarity',
    attributes: [id, period, compare],
  },
  {
    name: 'benchmark',
    kinds: ['textDirective'],
    summary: 'A comparator value with its own period',
    attributes: [
      id,
      period,
      {
        name: 'vs',
        description: 'Comparator: England, London, Statistical neighbours...',
        required: true,
      },
    ],
  },
  {
    name: 'indicator',
    kinds: ['leafDirective', 'containerDirective'],
    summary: 'A figure card; the container form holds the commentary',
    attributes: [id, period, compare, benchmarks, rankColumn],
  },
  {
    name: 'rank',
    kinds: ['textDirective'],
    summary:
      "The authority's rank among a group, best first by polarity; ties share a rank (59th= of 153)",
    attributes: [id, period, rankVs],
  },
  {
    name: 'quartile',
    kinds: ['textDirective'],
    summary: "The quartile band among a group, A best, as DfE's LAIT shows it",
    attributes: [id, period, rankVs],
  },
  {
    name: 'breakdown',
    kinds: ['leafDirective'],
    summary:
      "A table (or, with chart=true, a chart and table) of a breakdown indicator's categories",
    attributes: [
      id,
      period,
      { name: 'periods', description: 'How many periods to show (default 3)' },
      {
        name: 'chart',
        description: 'Draw a chart of the categories above the table',
        values: ['true', 'false'],
      },
      { name: 'title', description: 'Caption, instead of the indicator title' },
    ],
  },
  {
    name: 'chart',
    kinds: ['leafDirective'],
    summary: 'A trend chart with target line and benchmarks, followed by its data table',
    attributes: [
      { name: 'id', description: 'Indicator id or alias, e.g. OP148' },
      {
        name: 'ids',
        description:
          'Two or more indicators of one unit on one chart, e.g. "OP419,OP419-INC" (instead of id)',
      },
      period,
      { name: 'periods', description: 'How many periods to show (default 8)' },
      benchmarks,
      { name: 'title', description: 'Headline title, instead of the indicator title' },
    ],
    oneOf: ['id', 'ids'],
  },
  {
    name: 'scorecard',
    kinds: ['leafDirective'],
    summary: 'A table of indicators: value, target, RAG, change, benchmarks',
    attributes: [
      { name: 'ids', description: 'Comma-separated indicator ids' },
      { name: 'tag', description: 'Every indicator with this tag' },
      period,
      compare,
      benchmarks,
      rankColumn,
      { name: 'title', description: 'Caption of the table' },
      {
        name: 'status',
        description:
          'Only the rows of these statuses, e.g. "red,amber" (red, amber, green, none): the exception report',
      },
    ],
    oneOf: ['ids', 'tag'],
  },
  {
    name: 'summary',
    kinds: ['leafDirective'],
    summary:
      'How many indicators are Green, Amber, Red and not rated, and how many got better, worse or did not change',
    attributes: [
      { name: 'ids', description: 'Comma-separated indicator ids' },
      { name: 'tag', description: 'Every indicator with this tag' },
      period,
      compare,
    ],
    oneOf: ['ids', 'tag'],
  },
  {
    name: 'exempt',
    kinds: ['containerDirective'],
    summary: 'Exempt (Part B) content: kept in the exempt export, removed from the public one',
    attributes: [],
  },
];

const BY_NAME = new Map(DIRECTIVES.map((spec) => [spec.name, spec]));

export function directiveSpec(name: string): DirectiveSpec | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** How an author writes each kind, for messages: `:value`, `::chart`, `:::exempt`. */
export function colons(kind: DirectiveKind): string {
  return kind === 'textDirective' ? ':' : kind === 'leafDirective' ? '::' : ':::';
}
