/**
 * Per-block render cache for the preview. While an author types, one block of a long
 * report changes; the others would resolve to the same HTML again (cards, charts whose
 * SVG is parsed and cleaned, tables). So each top-level block is resolved and turned
 * into HTML alone, in positions relative to its own start, and the result is kept under
 * the block's text and everything else its output depends on: the catalogue's content,
 * the report period and the render options, and the disclosure decisions on the figures
 * it shows. Those decisions are made for the whole document at once (a total in one
 * block and its parts in others), so each block's figures are kept too: an edit resolves
 * the blocks it touched, the disclose stage runs over every block's figures, and only
 * blocks whose decisions changed are built again. Line numbers (messages, `data-line`)
 * and element ids are put in afterwards, so typing a new line above a chart, or adding a
 * chart, does not render the other charts again.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import type { RenderMode } from './api.js';
import type { Place, ResolveContext } from './directives/context.js';
import { resolveDirectives } from './directives/resolve.js';
import type { Decisions, ShownFigure } from './disclose/index.js';
import {
  NO_DECISIONS,
  discloseFigures,
  figureKey,
  reportDisclosure,
  suppressionOf,
} from './disclose/index.js';
import { renderBody } from './html/pipeline.js';
import { Slots } from './html/slots.js';
import { createMessage } from './messages.js';
import type { MessageOptions, RuleId } from './messages.js';
import type { ParsedBlock } from './report/incremental-parse.js';
import type { Catalogue, Message, Period, StatSymbol } from './types.js';

/** What every block of one render shares. */
export interface BlockRenderInput {
  readonly path: string;
  readonly catalogue: Catalogue;
  readonly reportPeriod: Period | undefined;
  readonly mode: RenderMode;
  readonly allowSmallNumbers: boolean;
}

export interface BlockRenderResult {
  /** The same HTML as rendering the whole tree at once. */
  readonly body: string;
  readonly messages: Message[];
  readonly symbolsUsed: Set<StatSymbol>;
  /** Text of the first top-level `#` heading, for the document title. */
  readonly firstHeading: string | undefined;
  /** `body` cut at its top-level blocks (joined by newlines they give `body`), for the preview. */
  readonly blocks: readonly string[];
}

interface Entry {
  /** HTML with `data-line` relative to the block (its first line is 0). */
  readonly html: string;
  /** Top-level nodes left after resolving: the whole-tree HTML puts a newline between each. */
  readonly nodes: number;
  /** Messages with lines relative to the block (its first line is 1). */
  readonly messages: readonly Message[];
  readonly symbols: readonly StatSymbol[];
  /** Element ids taken while resolving (charts) and while building slots (cards). */
  readonly ids: { readonly resolve: number; readonly fill: number };
  readonly heading: string | undefined;
}

/** Blocks of a few long reports; an entry is the block's HTML, a few kilobytes. */
const ENTRY_LIMIT = 4000;

/** A block resolved and waiting for the document's decisions to be built. */
interface Resolution {
  /** Every figure the block shows, places relative to the block. */
  readonly figures: readonly ShownFigure[];
  readonly build: (decisions: Decisions) => () => Promise<Entry>;
}

export class BlockRenderCache {
  private entries = new Map<string, Entry>();
  /** Each block's figures, by its text and environment: what the disclose stage reads. */
  private readonly figures = new Map<string, readonly ShownFigure[]>();
  /**
   * Ids in cached HTML are placeholders: `${token}R3z` is the block's third id taken while
   * resolving. The token is random, so no author text can pass for one.
   */
  private readonly token = `q${randomBytes(8).toString('hex')}`;
  private readonly placeholder = new RegExp(`${this.token}([RF])(\\d+)z`, 'g');
  /** Each entry's HTML as last placed in a report, and where (see `place`). */
  private readonly placed = new WeakMap<Entry, { readonly at: string; readonly html: string }>();
  /** Blocks rendered and reused by the last call (for tests and benchmarks). */
  lastStats = { rendered: 0, reused: 0 };

  /**
   * Resolves and renders the blocks, reusing what it can. Returns undefined when a block
   * holds author `data-line` attributes, which the line shifting must not touch: the
   * caller then renders the whole tree.
   */
  async render(
    blocks: readonly ParsedBlock[],
    input: BlockRenderInput,
  ): Promise<BlockRenderResult | undefined> {
    if (blocks.some((block) => /data-line/i.test(block.text))) return undefined;
    const environment = environmentKey(input);
    const messages: Message[] = [];
    const symbolsUsed = new Set<StatSymbol>();
    const parts: Array<{ readonly entry: Entry; readonly lines: number; readonly index: number }> =
      [];
    const firstIds: Array<{ resolve: number; fill: number }> = [];
    const ids = { resolve: 0, fill: 0 };
    let firstHeading: string | undefined;
    let headingFound = false;
    const stats = { rendered: 0, reused: 0 };
    const keys = blocks.map(
      (block, index) => `${environment}\0${index === 0 ? 'F' : 'B'}${block.text}`,
    );
    // Resolve: blocks not seen before; the others' figures are known.
    const fresh = new Map<number, Resolution>();
    const figures = blocks.map((block, index) => {
      const known = this.figures.get(keys[index]!);
      if (known) return known;
      const resolution = resolveBlock(block, input, this.token);
      fresh.set(index, resolution);
      this.remember(this.figures, keys[index]!, resolution.figures);
      return resolution.figures;
    });
    // Disclose: the whole document's figures at once.
    const decisions = discloseFigures({
      figures: figures.flat(),
      catalogue: input.catalogue,
      threshold: input.catalogue.smallNumberThreshold,
    });
    // Build: blocks whose text or decisions changed, their charts started together.
    const entryKeys = blocks.map(
      (_, index) => `${keys[index]!}\0${decisionDigest(figures[index]!, decisions, input.mode)}`,
    );
    const started = new Map<number, () => Promise<Entry>>();
    for (const [index, block] of blocks.entries()) {
      if (this.entries.has(entryKeys[index]!)) continue;
      const resolution = fresh.get(index) ?? resolveBlock(block, input, this.token);
      started.set(index, resolution.build(decisions));
    }
    for (const [index, block] of blocks.entries()) {
      const key = entryKeys[index]!;
      let entry = started.has(index) ? undefined : this.entries.get(key);
      if (entry) {
        stats.reused++;
        this.entries.delete(key);
        this.entries.set(key, entry);
      } else {
        entry = await started.get(index)!();
        stats.rendered++;
        this.remember(this.entries, key, entry);
      }
      firstIds.push({ ...ids });
      ids.resolve += entry.ids.resolve;
      ids.fill += entry.ids.fill;
      for (const symbol of entry.symbols) symbolsUsed.add(symbol);
      for (const message of entry.messages) messages.push(shiftMessage(message, block.line - 1));
      reportDisclosure(figures[index]!, decisions, input, (ruleId, reason, at, options) =>
        messages.push(
          shiftMessage(placedMessage(input.path, ruleId, reason, at, options), block.line - 1),
        ),
      );
      if (!headingFound && entry.heading !== undefined) {
        headingFound = true;
        firstHeading = entry.heading || undefined;
      }
      if (entry.nodes > 0) parts.push({ entry, lines: block.line - 1, index });
    }
    this.lastStats = stats;
    /*
     * The whole-tree render numbers ids in one sequence: every chart while resolving,
     * then every card while building slots. Block ids are put in that same order.
     */
    const placed = parts.map(({ entry, lines, index }) => {
      const before = firstIds[index] ?? { resolve: 0, fill: 0 };
      return this.place(entry, lines, before.resolve, ids.resolve + before.fill);
    });
    const body = placed.join('\n');
    return { body, messages, symbolsUsed, firstHeading, blocks: placed };
  }

  clear(): void {
    this.entries.clear();
    this.figures.clear();
  }

  /**
   * A block's HTML with its lines moved down by `lines` and its ids numbered from the
   * given bases. Typing moves nothing, so each block keeps the string it had last time
   * rather than running the replacements over the whole report on every keystroke.
   */
  private place(entry: Entry, lines: number, resolveBase: number, fillBase: number): string {
    const at = `${lines} ${resolveBase} ${fillBase}`;
    const known = this.placed.get(entry);
    if (known?.at === at) return known.html;
    const html = shiftLines(entry.html, lines).replace(
      this.placeholder,
      (_, phase: string, count: string) =>
        String((phase === 'R' ? resolveBase : fillBase) + Number(count)),
    );
    this.placed.set(entry, { at, html });
    return html;
  }

  private remember<T>(map: Map<string, T>, key: string, value: T): void {
    map.set(key, value);
    while (map.size > ENTRY_LIMIT) map.delete(map.keys().next().value as string);
  }
}

/** Resolves one block alone; its build waits for the document's decisions. */
function resolveBlock(block: ParsedBlock, input: BlockRenderInput, token: string): Resolution {
  const messages: Message[] = [];
  const symbols = new Set<StatSymbol>();
  const ids = { resolve: 0, fill: 0 };
  let phase: 'resolve' | 'fill' = 'resolve';
  const ctx: ResolveContext = {
    file: input.path,
    catalogue: input.catalogue,
    reportPeriod: input.reportPeriod,
    mode: input.mode,
    slots: new Slots(),
    symbolsUsed: symbols,
    allowSmallNumbers: input.allowSmallNumbers,
    figures: [],
    decisions: NO_DECISIONS,
    afterDisclose: [],
    suppressedShown: new Set(),
    pending: [],
    withCharts: true,
    messages,
    nextId: (prefix) => `${prefix}-${token}${phase === 'resolve' ? 'R' : 'F'}${++ids[phase]}z`,
    report: (ruleId, reason, at, options) =>
      messages.push(placedMessage(input.path, ruleId, reason, at, options)),
  };
  const tree: Root = { type: 'root', children: block.nodes() };
  resolveDirectives(tree, block.text, ctx);
  return {
    figures: ctx.figures,
    build: (decisions) => {
      ctx.decisions = decisions;
      for (const start of ctx.afterDisclose) start();
      const all = Promise.all(ctx.pending);
      return async () => {
        await all;
        const heading = headingText(tree);
        const nodes = tree.children.filter((node) => node.type !== 'yaml').length;
        phase = 'fill';
        const html = await renderBody(
          tree,
          ctx.slots,
          new VFile({ path: input.path, value: block.text }),
          input.mode === 'public',
        );
        return { html, nodes, messages, symbols: [...symbols], ids: { ...ids }, heading };
      };
    },
  };
}

function placedMessage(
  path: string,
  ruleId: RuleId,
  reason: string,
  at: Place,
  options: MessageOptions | undefined,
): Message {
  return createMessage(
    ruleId,
    reason,
    { file: path, line: at.line, column: at.column },
    {
      ...options,
      ...(at.endLine !== undefined && at.endColumn !== undefined
        ? { end: { line: at.endLine, column: at.endColumn } }
        : {}),
    },
  );
}

/**
 * What of the decisions a block's HTML depends on: which of its figures are suppressed.
 * Only the public export prints the decisions; elsewhere they are messages alone.
 */
function decisionDigest(
  figures: readonly ShownFigure[],
  decisions: Decisions,
  mode: BlockRenderInput['mode'],
): string {
  if (mode !== 'public') return '';
  const hidden = new Set<string>();
  for (const figure of figures) {
    if (suppressionOf(decisions, figure)) hidden.add(figureKey(figure));
  }
  return [...hidden].sort().join('\u0001');
}

/** '' for a block whose first heading has no plain text, undefined when it has none. */
function headingText(tree: Root): string | undefined {
  const heading = tree.children.find((node) => node.type === 'heading' && node.depth === 1);
  if (heading?.type !== 'heading') return undefined;
  return heading.children.map((child) => ('value' in child ? child.value : '')).join('');
}

function shiftMessage(message: Message, lines: number): Message {
  if (lines === 0) return message;
  return {
    ...message,
    line: message.line + lines,
    ...(message.endLine === undefined ? {} : { endLine: message.endLine + lines }),
  };
}

function shiftLines(html: string, lines: number): string {
  if (lines === 0) return html;
  return html.replace(
    / data-line="(\d+)"/g,
    (_, line: string) => ` data-line="${Number(line) + lines}"`,
  );
}

/** Everything besides the block's text that its HTML depends on. */
function environmentKey(input: BlockRenderInput): string {
  const { catalogue } = input;
  const hash = createHash('sha1');
  hash.update(
    JSON.stringify([
      input.path,
      input.mode,
      input.allowSmallNumbers,
      input.reportPeriod?.key ?? null,
      catalogue.smallNumberThreshold,
      catalogue.comparators,
      [...catalogue.lookup],
      [...catalogue.indicators.values()],
    ]),
  );
  return hash.digest('base64');
}
