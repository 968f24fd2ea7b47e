import type { ElementContent } from 'hast';
import { h } from 'hastscript';
import type {
  FootnoteDefinition,
  FootnoteReference,
  Nodes,
  Parent,
  Root,
  RootContent,
  Text,
} from 'mdast';
import type { ContainerDirective, Directives } from 'mdast-util-directive';
import { checkClaims } from '../claims/check-claims.js';
import { RULES } from '../messages.js';
import type { IndicatorFacts } from '../facts.js';
import type { BenchmarkValue, Indicator, Message } from '../types.js';
import { countingUnitFor } from '../semantics/index.js';
import { findAttributeSyntax, findBracedDirectives } from './attribute-syntax.js';
import { breakdownBlock, categoryValue } from './breakdown.js';
import { indicatorCard, selectBenchmarks, sparkObservations } from './card.js';
import { chartBlock, multiChartBlock } from './chart.js';
import type { Place, ResolveContext } from './context.js';
import { publishedFacts, recordFacts, recordObservation } from './disclosure-gate.js';
import { problemMarker } from './figure.js';
import { compareOf, factsAt } from './indicator-facts.js';
import { inlineContent } from './inline.js';
import { resolveIndicator, resolvePeriod } from './lookup.js';
import { scorecardTable } from './scorecard.js';
import { summaryBlock } from './summary.js';
import { placeOf, validateDirective } from './validate.js';
import { LineIndex } from '../line-index.js';
import { SKIP, walk, walkType } from '../tree-walk.js';

const DIRECTIVE_TYPES = new Set(['textDirective', 'leafDirective', 'containerDirective']);

/**
 * Replaces every directive by a slot placeholder whose content is built from the
 * catalogue. Containers keep their children, which are sanitized like any author text
 * and handed to the builder afterwards.
 */
export function resolveDirectives(tree: Root, text: string, ctx: ResolveContext): void {
  // Before exempt blocks go: what is in one (directives, code) was read, whatever the mode.
  const read = readSource(tree);
  if (ctx.mode === 'public') removeExempt(tree);
  // Before directives become slots: a claim is read beside the directives of its sentence.
  checkClaims(tree, text, ctx);
  walk<Nodes, Parent>(tree, (node, index, parent) => {
    if (!DIRECTIVE_TYPES.has(node.type) || !parent || index === undefined) return;
    const directive = node as Directives;
    if (isSketchedAttributes(directive, parent.children[index + 1])) {
      // `:value(id=X)`: reported once, as attribute-syntax, by the source scan below.
      parent.children[index] = literalText(directive) as RootContent;
      return SKIP;
    }
    const replacement = resolveOne(directive, ctx, parent.children[index + 1]);
    parent.children[index] = replacement as RootContent;
    // Container children stay in place (the same array) and are visited next.
    return directive.type === 'containerDirective' ? undefined : SKIP;
  });
  reportAttributeSyntax(text, ctx, read);
}

/**
 * `:value(id=X)`, or `:value{id=X title="a \"b\""}` whose braces remark could not read: the
 * name is a directive, the attributes are left as text after it.
 */
function isSketchedAttributes(node: Directives, next: Nodes | undefined): boolean {
  const bare = Object.keys(node.attributes ?? {}).length === 0 && node.children.length === 0;
  return (
    node.type === 'textDirective' && bare && next?.type === 'text' && /^\s?[(<{]/.test(next.value)
  );
}

/**
 * What remark made of the source, for the attribute-syntax scan: where it read directives
 * (text directives by offset, the others by line), and the code, raw HTML and front matter
 * whose text is no directive at all. Taken before exempt blocks go, so what is in one
 * counts whatever the mode.
 */
interface ReadSource {
  readonly offsets: ReadonlySet<number>;
  readonly lines: ReadonlySet<number>;
  readonly code: ReadonlyArray<readonly [number, number]>;
}

const NOT_DIRECTIVES = new Set(['code', 'inlineCode', 'html', 'yaml']);

function readSource(tree: Root): ReadSource {
  const offsets = new Set<number>();
  const lines = new Set<number>();
  const code: Array<[number, number]> = [];
  walk<Nodes, Parent>(tree, (node, index, parent) => {
    if (!node.position) return;
    if (NOT_DIRECTIVES.has(node.type)) {
      code.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0]);
      return;
    }
    if (!DIRECTIVE_TYPES.has(node.type)) return;
    const next = parent && index !== undefined ? parent.children[index + 1] : undefined;
    if (isSketchedAttributes(node as Directives, next)) return;
    if (node.type === 'textDirective') offsets.add(node.position.start.offset ?? -1);
    else lines.add(node.position.start.line);
  });
  return { offsets, lines, code };
}

/** What the author typed, back as text: `10:30` is a time, not a directive named 30. */
function literalText(node: Directives): Text {
  return {
    type: 'text',
    value: `:${node.name}`,
    ...(node.position ? { position: node.position } : {}),
  };
}

/** `next` is the node after it: the words an inline directive runs into. */
function resolveOne(node: Directives, ctx: ResolveContext, next?: Nodes): Nodes {
  const place = placeOf(node);
  const before = ctx.messages.length;
  const validation = validateDirective(node, ctx);
  if (validation.kind === 'literal') return literalText(node);
  if (validation.kind === 'invalid') {
    // Taken now: slots are built after the whole tree resolved, when later directives'
    // messages have been added too.
    const found = ctx.messages.slice(before);
    return slotNode(node, ctx, (children) => withMarkers(node, found, children));
  }
  const { spec, attributes } = validation;
  if (spec.name === 'exempt') {
    return slotNode(node, ctx, (children) => [
      h('section.sc-exempt', { ariaLabel: 'Exempt information' }, [
        h('p.sc-exempt__label', 'Exempt information (Part B): not for publication'),
        ...children,
      ]),
    ]);
  }
  const period = resolvePeriod(ctx, attributes['period'], place);
  if (period === null) {
    // No figure of a period the author did not name: the problem stands in its place.
    if (attributes['id'] !== undefined) resolveIndicator(ctx, attributes['id'], place);
    const found = ctx.messages.slice(before);
    return slotNode(node, ctx, (children) => withMarkers(node, found, children));
  }
  if (spec.name === 'scorecard') {
    const table = scorecardTable(ctx, attributes, period, place);
    return slotNode(node, ctx, () => [table()]);
  }
  if (spec.name === 'summary') {
    const summary = summaryBlock(ctx, attributes, period, place);
    return slotNode(node, ctx, () => [summary()]);
  }
  if (spec.name === 'chart' && attributes['ids'] !== undefined) {
    const chart = multiChartBlock(ctx, attributes, period, place);
    return slotNode(node, ctx, () => [chart()]);
  }
  const indicator = resolveIndicator(ctx, attributes['id'] ?? '', place);
  if (!indicator) {
    const found = ctx.messages.slice(before);
    return slotNode(node, ctx, (children) => withMarkers(node, found, children));
  }
  if (spec.name === 'breakdown') {
    const block = breakdownBlock(ctx, indicator, attributes, period, place);
    return slotNode(node, ctx, () => [block()]);
  }
  if (spec.name === 'value' && attributes['category'] !== undefined) {
    const content = categoryValue(ctx, indicator, period, attributes['category'], place);
    return slotNode(node, ctx, content);
  }
  if (spec.name === 'chart') {
    const chart = chartBlock(ctx, indicator, attributes, period, place);
    return slotNode(node, ctx, () => [chart()]);
  }
  const compare = compareOf(attributes);
  const facts = factsAt(ctx, indicator, period, compare, place, spec.name !== 'target');
  if (spec.name === 'indicator') {
    const benchmarks = selectBenchmarks(facts.benchmarks, attributes['benchmarks']);
    recordFacts(ctx, facts, { value: true, change: true, benchmarks }, place);
    for (const observation of sparkObservations(facts).observations) {
      recordObservation(ctx, indicator, observation, place);
    }
    const isContainer = node.type === 'containerDirective';
    return slotNode(node, ctx, (children) => [
      indicatorCard(
        ctx,
        publishedFacts(ctx, facts, compare),
        attributes,
        place,
        isContainer ? children : undefined,
      ),
    ]);
  }
  recordFacts(ctx, facts, inlineShows(spec.name, facts, attributes), place);
  const shown = spec.name === 'value' ? unitWrittenAfter(attributes, indicator, next) : attributes;
  // Its messages now, from the figures as in the data (the symbols it would show are
  // not the legend's business until it is built); its content once decisions are made.
  inlineContent(
    { ...ctx, symbolsUsed: new Set(), figureLog: undefined },
    spec.name,
    facts,
    shown,
    place,
  );
  return slotNode(node, ctx, () =>
    inlineContent(
      { ...ctx, report: () => undefined },
      spec.name,
      publishedFacts(ctx, facts, compare),
      shown,
      place,
    ),
  );
}

/**
 * `:value{id=LADO} referrals`: the author wrote the counting unit after the figure, so it
 * is not printed twice ("19 referrals referrals"). `unit=` as written still decides.
 */
function unitWrittenAfter(
  attributes: Readonly<Record<string, string>>,
  indicator: Indicator,
  next: Nodes | undefined,
): Readonly<Record<string, string>> {
  const counted = indicator.countingUnit?.trim().toLowerCase();
  if (attributes['unit'] !== undefined || !counted || next?.type !== 'text') return attributes;
  if (!/^\s/.test(next.value)) return attributes;
  const after = next.value.trimStart().toLowerCase();
  const written = [counted, countingUnitFor(counted, 1).toLowerCase()].some(
    (form) => after.startsWith(form) && !/[\p{L}\p{N}]/u.test(after.charAt(form.length)),
  );
  return written ? { ...attributes, unit: 'false' } : attributes;
}

/** The figures an inline directive prints (`:target` prints none of the indicator's values). */
function inlineShows(
  name: string,
  facts: IndicatorFacts,
  attributes: Readonly<Record<string, string>>,
): { readonly value: boolean; readonly change: boolean; readonly benchmarks: BenchmarkValue[] } {
  const vs = (attributes['vs'] ?? '').toLowerCase();
  return {
    value: name === 'value' || name === 'rag' || name === 'change',
    change: name === 'change',
    benchmarks:
      name === 'benchmark'
        ? facts.benchmarks.filter((b) => b.comparator.toLowerCase() === vs).slice(0, 1)
        : [],
  };
}

/** A placeholder node: text and leaf directives lose their label, containers keep children. */
function slotNode(
  node: Directives,
  ctx: ResolveContext,
  build: (children: ElementContent[]) => ElementContent[],
): Nodes {
  const children = node.type === 'containerDirective' ? node.children : [];
  const place = placeOf(node);
  const log = ctx.figureLog;
  return {
    type: node.type === 'textDirective' ? 'emphasis' : 'blockquote',
    children,
    // Whatever the builder prints is recorded at this directive's place.
    data: ctx.slots.add(
      log
        ? (built) => {
            log.at = place;
            return build(built);
          }
        : build,
    ),
    ...(node.position ? { position: node.position } : {}),
  } as Nodes;
}

function withMarkers(
  node: Directives,
  messages: readonly Message[],
  children: ElementContent[],
): ElementContent[] {
  const markers = messages
    .filter((m) => m.severity === 'error')
    .map((m) => problemMarker(m.ruleId, m.reason));
  if (node.type === 'textDirective') return markers;
  return [h('div.sc-problem-block', markers), ...children];
}

function removeExempt(tree: Root): void {
  const exemptNotes = new Set<string>();
  walkType<ContainerDirective, Parent>(tree, 'containerDirective', (node, index, parent) => {
    if (node.name.toLowerCase() !== 'exempt' || !parent || index === undefined) return;
    walkType<FootnoteDefinition>(node, 'footnoteDefinition', (note) => {
      exemptNotes.add(note.label ?? note.identifier);
    });
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  // A footnote defined in an exempt block is not resolved, so its `[^label]` stays as text.
  if (exemptNotes.size > 0) {
    walkType<Text>(tree, 'text', (node) => {
      for (const label of exemptNotes) node.value = node.value.split(`[^${label}]`).join('');
    });
  }
  // A reference whose footnote was exempt would be a dangling link carrying its label.
  const defined = new Set<string>();
  walkType<FootnoteDefinition>(tree, 'footnoteDefinition', (node) => {
    defined.add(node.identifier);
  });
  walkType<FootnoteReference, Parent>(tree, 'footnoteReference', (node, index, parent) => {
    if (defined.has(node.identifier) || !parent || index === undefined) return;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
}

/** `:::indicator<id=OP148>` and `:value(id=OP660)` are plain text to the parser; find them in the source. */
function reportAttributeSyntax(text: string, ctx: ResolveContext, read: ReadSource): void {
  const hits = findAttributeSyntax(text);
  const lines = new LineIndex(text);
  const unread = findBracedDirectives(text).filter((found) =>
    found.colons === 1
      ? !read.offsets.has(found.offset)
      : !read.lines.has(lines.position(found.offset).line),
  );
  if (hits.length === 0 && unread.length === 0) return;
  const inCode = (offset: number) =>
    read.code.some(([start, end]) => offset >= start && offset < end);
  for (const found of unread) {
    if (inCode(found.offset)) continue;
    const written = `${':'.repeat(found.colons)}${found.name}`;
    const at = lines.position(found.offset);
    // Only quote, list and indentation marks may come before a block directive on its line.
    const midLine = found.colons > 1 && !/^[\s>*+\-\d.)]*$/.test(lineBefore(text, found.offset));
    ctx.report(
      RULES.attributeSyntax,
      midLine
        ? `${written} is a block directive: start its own line with it (as it is, it is shown as text)`
        : found.spaced
          ? `Write ${written}{ with no space before the brace: as it is, the directive is shown as text`
          : `The attributes of ${written}{…} cannot be read, so the directive is shown as text: close its braces, and quote a value that holds " with ' instead (a backslash does not escape a quote)`,
      at,
    );
  }
  for (const hit of hits) {
    if (inCode(hit.offset)) continue;
    const place: Place = {
      ...lines.position(hit.offset),
      ...endAt(lines, hit.offset + hit.length),
    };
    ctx.report(
      RULES.attributeSyntax,
      `Write attributes in braces: ${hit.replacement} (not ${hit.written})`,
      place,
      {
        suggestions: [hit.replacement],
      },
    );
  }
}

/** The text of `offset`'s line before it. */
function lineBefore(text: string, offset: number): string {
  return text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
}

function endAt(lines: LineIndex, offset: number): { endLine: number; endColumn: number } {
  const { line, column } = lines.position(offset);
  return { endLine: line, endColumn: column };
}
