/**
 * The `narrative-claim` rule in the resolve stage: every paragraph of the officer's own
 * words that stands with an indicator (inside its `:::indicator`, or in a sentence with
 * its directives or its code) is read for claims the data contradicts. Each is reported
 * where it is typed; the preview also marks it in place (exports never carry the marker).
 */
import { h } from 'hastscript';
import type { Nodes, Paragraph, Parent, PhrasingContent, Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Place, ResolveContext } from '../directives/context.js';
import { findIndicator } from '../directives/lookup.js';
import { RULES } from '../messages.js';
import { parsePeriod } from '../periods.js';
import {
  judgePassage,
  namesIndicatorCode,
  type ContainerScope,
  type Finding,
} from './judge-passage.js';
import { passageOf } from './passage.js';
import { LineIndex } from '../line-index.js';
import { unrecorded } from '../catalogue-reads.js';

/** Cheap test before any work: a paragraph with no digit and no claim word says nothing checkable. */
const WORTH_READING =
  /\d|rose|risen|fell|fallen|increas|decreas|improv|wors|deteriorat|declin|reduc|drop|up\b|down\b|above|below|under|over|target|than|highest|lowest|unchanged|same|range|band|exceed|met\b|miss|ahead|behind|recover|slipp|grew|climb|rise|fall/i;

export function checkClaims(tree: Root, text: string, ctx: ResolveContext): void {
  // Looked through the block cache's recording view: the size is not a dependency.
  if (unrecorded(ctx.catalogue.indicators).size === 0) return;
  let lines: LineIndex | undefined;
  const scope = { catalogue: ctx.catalogue, reportPeriod: ctx.reportPeriod };
  const visitAll = (nodes: readonly Nodes[], container: ContainerScope | undefined): void => {
    for (const node of nodes) {
      if (node.type === 'containerDirective') {
        visitAll(node.children, containerScope(node, ctx) ?? container);
      } else if (node.type === 'paragraph') {
        const directed = container || node.children.some((c) => c.type === 'textDirective');
        const passage = passageOf(node.children);
        if (!WORTH_READING.test(passage.text)) continue;
        if (!directed && !namesIndicatorCode(passage.text, ctx.catalogue)) continue;
        const findings = judgePassage(passage, container, scope);
        if (findings.length === 0) continue;
        lines ??= new LineIndex(text);
        for (const finding of findings) report(ctx, node, finding, passage.sourceOffset, lines);
      } else if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') {
        visitAll((node as Parent).children as Nodes[], container);
      }
    }
  };
  visitAll(tree.children, undefined);
}

function containerScope(node: ContainerDirective, ctx: ResolveContext): ContainerScope | undefined {
  if (node.name.toLowerCase() !== 'indicator') return undefined;
  const id = node.attributes?.['id'];
  const indicator = typeof id === 'string' ? findIndicator(ctx.catalogue, id) : undefined;
  if (!indicator) return undefined;
  const written = node.attributes?.['period'];
  const period = typeof written === 'string' && written !== '' ? parsePeriod(written) : undefined;
  return { indicator, period: period ?? ctx.reportPeriod };
}

function report(
  ctx: ResolveContext,
  paragraph: Paragraph,
  finding: Finding,
  sourceOffset: (index: number) => number,
  lines: LineIndex,
): void {
  const from = sourceOffset(finding.start);
  const to = sourceOffset(finding.end - 1) + 1;
  if (from < 0 || to <= from) return;
  const end = lines.position(to);
  const place: Place = { ...lines.position(from), endLine: end.line, endColumn: end.column };
  // A small number typed in prose stops a public export as a directive's would.
  const rule = finding.rule === 'small-number' ? RULES.smallNumber : RULES.narrativeClaim;
  const severity =
    finding.rule !== 'small-number'
      ? undefined
      : ctx.mode === 'public' && !ctx.allowSmallNumbers
        ? 'error'
        : 'warning';
  ctx.report(rule, finding.reason, place, {
    suggestions: finding.suggestions,
    ...(severity ? { severity } : {}),
  });
  if (ctx.mode === 'preview') markInPlace(ctx, paragraph, to, finding.reason, rule);
}

/** After the claim, in the preview only: the warning in words (`⚠ ... (narrative-claim)`). */
function markInPlace(
  ctx: ResolveContext,
  paragraph: Parent,
  offset: number,
  reason: string,
  rule: string,
): void {
  const found = textAt(paragraph, offset);
  if (!found) return;
  const { parent, index, node } = found;
  const start = node.position!.start.offset!;
  const cut =
    node.value.length === node.position!.end.offset! - start ? offset - start : node.value.length;
  const marker = {
    type: 'emphasis',
    children: [],
    data: ctx.slots.add(() => [
      h('span.sc-problem.sc-claim', { role: 'note' }, [
        h('span.sc-shape', { ariaHidden: 'true' }, '⚠'),
        ` ${reason} (${rule})`,
      ]),
    ]),
  } as unknown as PhrasingContent;
  const head = { ...node, value: node.value.slice(0, cut) };
  const tail = { type: 'text' as const, value: node.value.slice(cut) };
  parent.children.splice(index, 1, head, marker, ...(tail.value ? [tail] : []));
}

function textAt(
  parent: Parent,
  offset: number,
): { parent: Parent; index: number; node: Extract<Nodes, { type: 'text' }> } | undefined {
  for (const [index, child] of parent.children.entries()) {
    const start = child.position?.start.offset;
    const end = child.position?.end.offset;
    if (start === undefined || end === undefined || offset <= start || offset > end) continue;
    if (child.type === 'text') return { parent, index, node: child };
    if ('children' in child) return textAt(child as Parent, offset);
  }
  return undefined;
}
