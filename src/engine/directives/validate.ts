import type { Directives } from 'mdast-util-directive';
import { RULES } from '../messages.js';
import type { ResolveContext } from './context.js';
import { DIRECTIVES, colons, directiveSpec } from './registry.js';
import type { DirectiveSpec } from './registry.js';
import { didYouMean, nearest } from '../nearest.js';

export type Validation =
  | {
      readonly kind: 'ok';
      readonly spec: DirectiveSpec;
      readonly attributes: Readonly<Record<string, string>>;
    }
  /** Not a directive the author meant, like `10:30`: put the text back. */
  | { readonly kind: 'literal' }
  | { readonly kind: 'invalid' };

/**
 * Ids one directive may list. A committee scorecard has tens of rows; the work of a
 * scorecard (suppression across its rows, its table) grows faster than its rows, and
 * 20,000 ids took 19 s to check.
 */
export const MAX_LISTED_IDS = 300;

/** Checks name, form and attributes against the registry, reporting each misuse. */
export function validateDirective(node: Directives, ctx: ResolveContext): Validation {
  const place = placeOf(node);
  const attributes = cleanAttributes(node.attributes);
  const spec = directiveSpec(node.name);
  if (!spec) {
    const bare = Object.keys(attributes).length === 0 && node.children.length === 0;
    if (node.type === 'textDirective' && bare) return { kind: 'literal' };
    const [near] = nearest(
      node.name,
      DIRECTIVES.map((d) => d.name),
      1,
    );
    ctx.report(
      RULES.unknownDirective,
      `Unknown directive ${colons(node.type)}${node.name}${near ? `, did you mean ${colons(node.type)}${near}?` : ''}`,
      place,
      near ? { suggestions: [`${colons(node.type)}${near}`] } : {},
    );
    return { kind: 'invalid' };
  }
  if (!spec.kinds.includes(node.type)) {
    const forms = spec.kinds.map((kind) => `${colons(kind)}${spec.name}`).join(' or ');
    ctx.report(
      RULES.unknownDirective,
      `${colons(node.type)}${spec.name} is not a form of this directive; write ${forms}`,
      place,
    );
    return { kind: 'invalid' };
  }
  let ok = true;
  const known = spec.attributes.map((a) => a.name);
  for (const [name, value] of Object.entries(attributes)) {
    const attribute = spec.attributes.find((a) => a.name === name);
    if (!attribute) {
      const hint = didYouMean(nearest(name, known, 1));
      const allowed =
        known.length > 0
          ? ` (${colons(node.type)}${spec.name} takes ${known.join(', ')})`
          : ` (${colons(node.type)}${spec.name} takes none)`;
      ctx.report(
        RULES.unknownAttribute,
        `Unknown attribute ${name} on ${colons(node.type)}${spec.name}${hint}${allowed}`,
        place,
      );
    } else if (attribute.values && !attribute.values.includes(value)) {
      ctx.report(
        RULES.unknownAttribute,
        `${name}=${value} is not allowed; use ${attribute.values.join(' or ')}`,
        place,
      );
    }
  }
  for (const attribute of spec.attributes) {
    if (attribute.required && !attributes[attribute.name]) {
      ctx.report(
        RULES.missingAttribute,
        `${colons(node.type)}${spec.name} needs ${attribute.name}= (${attribute.description})`,
        place,
      );
      ok = false;
    }
  }
  const ids = attributes['ids'];
  if (ids !== undefined && ids.split(',').length > MAX_LISTED_IDS) {
    ctx.report(
      RULES.inputTooLarge,
      `${colons(node.type)}${spec.name} lists ${ids.split(',').length} ids, more than ${MAX_LISTED_IDS}; split it into several, or choose its rows with tag=`,
      place,
    );
    ok = false;
  }
  if (spec.oneOf && !spec.oneOf.some((name) => attributes[name])) {
    ctx.report(
      RULES.missingAttribute,
      `${colons(node.type)}${spec.name} needs ${spec.oneOf.join(' or ')}`,
      place,
    );
    ok = false;
  }
  return ok ? { kind: 'ok', spec, attributes } : { kind: 'invalid' };
}

function cleanAttributes(raw: Directives['attributes']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw ?? {})) {
    if (value !== null && value !== undefined) out[key] = value.trim();
  }
  return out;
}

export function placeOf(node: {
  position?:
    { start: { line: number; column: number }; end: { line: number; column: number } } | undefined;
}) {
  const start = node.position?.start ?? { line: 1, column: 1 };
  const end = node.position?.end ?? start;
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
