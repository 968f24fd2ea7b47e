/**
 * Per-block render cache for the preview. While an author types, one block of a long
 * report changes; the others would resolve to the same HTML again (cards, charts whose
 * SVG is parsed and cleaned, tables). So each top-level block is resolved and turned
 * into HTML alone, in positions relative to its own start, and the result is kept under
 * the block's text and everything else its output depends on: the indicators it read
 * (their content, not the whole catalogue's, so a data change re-renders only the blocks
 * that show the changed indicators), the report period and the render options, and the
 * disclosure decisions on the figures it shows. Those decisions are made for the whole document at once (a total in one
 * block and its parts in others), so each block's figures are kept too: an edit resolves
 * the blocks it touched, the disclose stage runs over every block's figures, and only
 * blocks whose decisions changed are built again. Line numbers (messages, `data-line`)
 * and element ids are put in afterwards, so typing a new line above a chart, or adding a
 * chart, does not render the other charts again.
 */
import { createHash } from 'node:crypto';
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
import { IdCounter, IdMarks, joinParts, markToken, splitMarks } from './html/element-ids.js';
import type { HtmlParts } from './html/element-ids.js';
import { renderBody } from './html/pipeline.js';
import { Slots } from './html/slots.js';
import { createMessage } from './messages.js';
import type { MessageOptions, RuleId } from './messages.js';
import { onlyChangedBlock, type BlockEdit, type ParsedBlock } from './report/incremental-parse.js';
import type { Catalogue, Message, Period, StatSymbol } from './types.js';
import type { ChartRenderer } from './charts/render-svg.js';
import { BlockMessages } from './block-messages.js';
import { throwIfCancelled } from './cancel.js';
import {
  readsDigest,
  recordingCatalogue,
  unrecorded,
  type CatalogueReads,
} from './catalogue-reads.js';
import { FigureLog } from './figures/figure-log.js';
import type { FigureRecord } from './figures/figure-record.js';
import { itemsOf, PatchedList, type ReadList } from './patched-list.js';

/** What every block of one render shares. */
export interface BlockRenderInput {
  readonly path: string;
  readonly catalogue: Catalogue;
  readonly reportPeriod: Period | undefined;
  readonly mode: RenderMode;
  readonly allowSmallNumbers: boolean;
  readonly charts: ChartRenderer;
  /** Checked between blocks and before charts are queued (see cancel.ts). */
  readonly signal?: AbortSignal | undefined;
  /** How the blocks differ from the ones given before, when the parser knows. */
  readonly edit?: BlockEdit<ParsedBlock> | undefined;
}

export interface BlockRenderResult {
  /** The same HTML as rendering the whole tree at once. */
  readonly body: string;
  readonly messages: Message[];
  readonly symbolsUsed: Set<StatSymbol>;
  /** Text of the first top-level `#` heading, for the document title. */
  readonly firstHeading: string | undefined;
  /** Every figure printed, in document order, at its place in the report. */
  readonly printed: FigureRecord[];
  /** `body` cut at its top-level blocks (joined by newlines they give `body`), for the preview. */
  readonly blocks: readonly string[];
}

interface Entry {
  /** The block's HTML cut at its ids and `data-line` numbers (relative: its first line is 0). */
  readonly html: HtmlParts;
  /** Top-level nodes left after resolving: the whole-tree HTML puts a newline between each. */
  readonly nodes: number;
  /** Messages with lines relative to the block (its first line is 1). */
  readonly messages: readonly Message[];
  readonly symbols: readonly StatSymbol[];
  readonly heading: string | undefined;
  /** The figures the block prints, lines relative to the block (its first line is 1). */
  readonly printed: readonly FigureRecord[];
}

/** Reports (and modes) whose last render a quiet edit can start from. */
const LAST_RENDERS = 4;

/** Blocks of a few long reports; an entry is the block's HTML, a few kilobytes. */
const ENTRY_LIMIT = 4000;

/** A block resolved and waiting for the document's decisions to be built. */
interface Resolution {
  /** Every figure the block shows, places relative to the block. */
  readonly figures: readonly ShownFigure[];
  /** What resolving it found, lines relative to the block (its first line is 1). */
  readonly messages: readonly Message[];
  /** The indicators it read (resolving, and building once built). */
  readonly reads: CatalogueReads;
  readonly build: (decisions: Decisions) => () => Promise<Entry>;
}

/**
 * One block's text as last resolved: its figures, what it read of the catalogue, and its
 * entries (one per set of decisions on its figures).
 */
interface BlockRecord {
  /** Everything but the catalogue's indicators that the block's output depends on. */
  readonly environment: string;
  /** The indicators it read, resolving and building. */
  readonly reads: CatalogueReads;
  /** What those reads saw, and in which catalogue it was last found unchanged. */
  digest: string;
  checkedIn: Catalogue;
  /** Every figure the block shows, places relative to the block. */
  readonly figures: readonly ShownFigure[];
  /** The figures' keys in order: what the disclose stage reads of this block. */
  readonly signature: string;
  /** Built HTML by the decisions on its figures (`decisionDigest`). */
  readonly entries: Map<string, Entry>;
  /** The block resolved this render and not built yet. */
  resolution?: Resolution | undefined;
  /** The last render that used it. */
  used: number;
  /** The disclose stage's messages on its figures, for the decisions they were made from. */
  disclosed?: { readonly decisions: Decisions; readonly messages: readonly Message[] } | undefined;
  /** For `check`: what resolving found, lines relative to the block. */
  readonly resolvedMessages?: readonly Message[];
}

/**
 * What the disclose stage says about a block's figures (lines relative to the block),
 * kept while the document's decisions are the same object: typing elsewhere in a long
 * report does not go over every block's figures again.
 */
function disclosureMessages(
  record: BlockRecord,
  decisions: Decisions,
  input: BlockRenderInput,
): readonly Message[] {
  if (record.disclosed?.decisions === decisions) return record.disclosed.messages;
  const messages: Message[] = [];
  reportDisclosure(record.figures, decisions, input, (ruleId, reason, at, options) =>
    messages.push(placedMessage(input.path, ruleId, reason, at, options)),
  );
  record.disclosed = { decisions, messages };
  return messages;
}

/** Drops the records the current render did not use, oldest first, down to the limit. */
function evict(map: Map<string, BlockRecord>, generation: number): void {
  for (const [text, record] of map) {
    if (map.size <= ENTRY_LIMIT) return;
    if (record.used !== generation) map.delete(text);
  }
}

/**
 * What the last render placed, block by block: a quiet edit (one block's text changed,
 * every line where it was) is answered from it without going over every block again.
 */
interface LastRender {
  readonly blocks: ReadList<ParsedBlock>;
  readonly environment: string;
  readonly catalogue: Catalogue;
  readonly records: PatchedList<BlockRecord>;
  readonly decisions: Decisions;
  readonly anyDecision: boolean;
  readonly placed: PatchedList<PlacedEntry>;
  /** Each block's messages, at its place in the report. */
  readonly messages: BlockMessages;
  readonly symbolsUsed: ReadonlySet<StatSymbol>;
  /** The first block whose entry has a heading, or -1. */
  readonly heading: number;
}

/** What the last `check` of a report found, block by block: a quiet edit starts from it. */
interface LastCheck {
  readonly blocks: ReadList<ParsedBlock>;
  readonly catalogue: Catalogue;
  readonly records: PatchedList<BlockRecord>;
  readonly decisions: Decisions;
  readonly anyDecision: boolean;
  /** Each block's messages, at its place in the report. */
  readonly messages: BlockMessages;
}

const NO_MESSAGES: readonly Message[] = [];

/** Whose records: a render's (built, charts drawn) or a check's (resolved only). */
type Purpose = 'render' | 'check';

/** A block's entry being built, and what building it reads of the catalogue. */
interface Build {
  readonly run: () => Promise<Entry>;
  readonly reads: CatalogueReads;
}

interface PlacedEntry {
  readonly entry: Entry;
  readonly lines: number;
}

export class BlockRenderCache {
  /** By block text; the first block apart, since it alone may hold front matter. */
  private readonly records = {
    first: new Map<string, BlockRecord>(),
    later: new Map<string, BlockRecord>(),
  };
  /** The disclose stage's last answer, kept while no block's figures changed. */
  private lastDisclose:
    | {
        readonly catalogue: Catalogue;
        readonly signatures: readonly string[];
        readonly decisions: Decisions;
      }
    | undefined;
  /** Marks the ids and lines of cached HTML (see html/element-ids.ts). */
  private readonly token = markToken();
  /** Each entry's HTML as last placed in a report, and where (see `place`). */
  private readonly placed = new WeakMap<
    Entry,
    { readonly lines: number; readonly names: readonly string[]; readonly html: string }
  >();
  /** Each entry's messages as last moved to where its block stands (see `shifted`). */
  private readonly shiftedMessages = new WeakMap<
    Entry,
    { readonly lines: number; readonly messages: readonly Message[] }
  >();
  /**
   * `check`'s records, resolved without charts: apart from the render's, so that a
   * report both checked and previewed keeps both.
   */
  private readonly checkRecords = {
    first: new Map<string, BlockRecord>(),
    later: new Map<string, BlockRecord>(),
  };
  private checkGeneration = 0;
  /** The last check of each report and mode (by environment), a few at most. */
  private readonly lastChecks = new Map<string, LastCheck>();
  /** Blocks rendered and reused by the last call (for tests and benchmarks). */
  lastStats = { rendered: 0, reused: 0 };
  /** Blocks resolved and reused by the last `check`, and whether it was a quiet edit's. */
  lastCheckStats = { resolved: 0, reused: 0 };
  lastCheckPath: 'quiet' | 'full' = 'full';
  /** Whether the last call was answered from the render before it (see `quietRender`). */
  lastPath: 'quiet' | 'full' = 'full';
  private generation = 0;
  /** The last render of each report and mode (by environment), a few at most. */
  private readonly lasts = new Map<string, LastRender>();

  /**
   * Resolves and renders the blocks, reusing what it can. Returns undefined when a block
   * holds author `data-line` attributes, which the line shifting must not touch: the
   * caller then renders the whole tree.
   */
  async render(
    list: ReadList<ParsedBlock>,
    input: BlockRenderInput,
  ): Promise<BlockRenderResult | undefined> {
    const environment = environmentKey(input);
    const quiet = await this.quietRender(list, input, environment);
    this.lastPath = quiet ? 'quiet' : 'full';
    if (quiet) return quiet;
    const blocks = itemsOf(list);
    const catalogue = input.catalogue;
    ++this.generation;
    const known = blocks.map((block, index) =>
      this.kept('render', block, index, environment, catalogue),
    );
    if (blocks.some((block, index) => !known[index] && /data-line/i.test(block.text))) {
      return undefined;
    }
    const stats = { rendered: 0, reused: 0 };
    // Resolve: blocks not seen before; the others' figures are known.
    const fresh: BlockRecord[] = [];
    const records = blocks.map((block, index) => {
      const kept = known[index];
      if (kept) return kept;
      this.cancelled(input.signal, fresh);
      const record = this.resolved(block, index, input, environment);
      fresh.push(record);
      return record;
    });
    // Disclose: the whole document's figures at once, unless no block's figures changed.
    const decisions = this.disclose(records, input);
    // Build: blocks whose text or decisions changed, their charts started together.
    const anyDecision = decisions.observations.size > 0 || decisions.benchmarks.size > 0;
    const digests = records.map((record) => decisionDigest(record.figures, decisions, input.mode));
    const started = new Map<number, Build>();
    for (const [index, block] of blocks.entries()) {
      const record = records[index]!;
      if (record.entries.has(digests[index]!)) continue;
      this.cancelled(input.signal, fresh);
      started.set(index, this.startBuild(record, block, input, decisions));
    }
    for (const record of records) record.resolution = undefined;
    const placed: PlacedEntry[] = [];
    const messages: Array<readonly Message[]> = [];
    const symbolsUsed = new Set<StatSymbol>();
    let heading = -1;
    for (const [index, block] of blocks.entries()) {
      const record = records[index]!;
      const key = digests[index]!;
      let entry = started.has(index) ? undefined : record.entries.get(key);
      if (entry) stats.reused++;
      else {
        entry = await this.built(record, key, started.get(index)!, catalogue);
        stats.rendered++;
      }
      for (const symbol of entry.symbols) symbolsUsed.add(symbol);
      messages.push(this.blockMessages(record, entry, block, decisions, anyDecision, input));
      placed.push({ entry, lines: block.line - 1 });
      if (heading === -1 && entry.heading !== undefined) heading = index;
    }
    this.lastStats = stats;
    const last: LastRender = {
      blocks: list,
      environment,
      catalogue,
      records: PatchedList.of(records),
      decisions,
      anyDecision,
      placed: PatchedList.of(placed),
      messages: BlockMessages.of(messages),
      symbolsUsed,
      heading,
    };
    this.remember(last);
    return this.result(last);
  }

  /**
   * The render of a quiet edit, from the last render: one block's text changed and every
   * block starts on the line it did, with the same environment and catalogue. Only that
   * block is resolved, looked up and placed; anything that reaches past it (its figures'
   * keys, which the document's decisions read; the symbols or the first heading it adds
   * or takes away) sends the render down the whole path, which finds the block's work done.
   */
  private async quietRender(
    blocks: ReadList<ParsedBlock>,
    input: BlockRenderInput,
    environment: string,
  ): Promise<BlockRenderResult | undefined> {
    const last = this.lasts.get(environment);
    const changed = quietlyChanged(last, blocks, input);
    if (changed === undefined || !last) return undefined;
    if (changed === -1) {
      this.lastStats = { rendered: 0, reused: blocks.length };
      return this.result(this.remember({ ...last, blocks }));
    }
    const block = blocks.at(changed)!;
    let record = this.kept('render', block, changed, environment, input.catalogue);
    if (!record) {
      if (/data-line/i.test(block.text)) return undefined;
      this.cancelled(input.signal, []);
      record = this.resolved(block, changed, input, environment);
    }
    const before = last.placed.at(changed)!.entry;
    if (record.signature !== last.records.at(changed)!.signature) return undefined;
    const { decisions, anyDecision } = last;
    const key = decisionDigest(record.figures, decisions, input.mode);
    let entry = record.entries.get(key);
    const rendered = entry ? 0 : 1;
    if (!entry) {
      this.cancelled(input.signal, [record]);
      const build = this.startBuild(record, block, input, decisions);
      entry = await this.built(record, key, build, input.catalogue);
    }
    record.resolution = undefined;
    const sameSymbols =
      entry.symbols.length === before.symbols.length &&
      entry.symbols.every((symbol, index) => symbol === before.symbols[index]);
    const headingMoves =
      entry.heading !== before.heading && (last.heading === -1 || changed <= last.heading);
    if (!sameSymbols || headingMoves) return undefined;
    const records = last.records.with(changed, record);
    const placed = last.placed.with(changed, { entry, lines: block.line - 1 });
    const own = this.blockMessages(record, entry, block, decisions, anyDecision, input);
    const messages = last.messages.with(changed, own);
    // The block's last text is no longer shown: its record may go when the cache is full,
    // or typing in one paragraph would keep a record for every keystroke.
    const replaced = last.records.at(changed)!;
    if (replaced !== record) replaced.used = this.generation - 1;
    this.lastStats = { rendered, reused: blocks.length - rendered };
    return this.result(this.remember({ ...last, blocks, records, placed, messages }));
  }

  /**
   * The messages `render` gives for the blocks, without building them: blocks not seen
   * before are resolved (charts are not drawn), the others' messages and figures are
   * known, and the disclose stage reads every block's figures (or keeps its last answer
   * when none changed). A keystroke in a long report resolves one block, as a render does.
   */
  check(list: ReadList<ParsedBlock>, input: BlockRenderInput): Message[] {
    const environment = environmentKey(input);
    const quiet = this.quietCheck(list, input, environment);
    this.lastCheckPath = quiet ? 'quiet' : 'full';
    if (quiet) return [...quiet.messages.list];
    const blocks = itemsOf(list);
    ++this.checkGeneration;
    const stats = { resolved: 0, reused: 0 };
    const records = blocks.map((block, index) => {
      const known = this.kept('check', block, index, environment, input.catalogue);
      if (known) {
        stats.reused++;
        return known;
      }
      throwIfCancelled(input.signal);
      stats.resolved++;
      return this.resolved(block, index, input, environment, 'check');
    });
    this.lastCheckStats = stats;
    const decisions = this.disclose(records, input);
    const anyDecision = decisions.observations.size > 0 || decisions.benchmarks.size > 0;
    const messages = blocks.map((block, index) =>
      this.checkMessages(records[index]!, block, decisions, anyDecision, input),
    );
    const last = this.rememberCheck(environment, {
      blocks: list,
      catalogue: input.catalogue,
      records: PatchedList.of(records),
      decisions,
      anyDecision,
      messages: BlockMessages.of(messages),
    });
    return [...last.messages.list];
  }

  /**
   * A check of a quiet edit (see `quietRender`), from the last check: only the edited
   * block is looked up or resolved; when its figures' keys change, every block is gone
   * over again, which finds the others' work done.
   */
  private quietCheck(
    blocks: ReadList<ParsedBlock>,
    input: BlockRenderInput,
    environment: string,
  ): LastCheck | undefined {
    const last = this.lastChecks.get(environment);
    const changed = quietlyChanged(last, blocks, input);
    if (changed === undefined || !last) return undefined;
    if (changed === -1) {
      this.lastCheckStats = { resolved: 0, reused: blocks.length };
      return this.rememberCheck(environment, { ...last, blocks });
    }
    const block = blocks.at(changed)!;
    let record = this.kept('check', block, changed, environment, input.catalogue);
    const resolved = !record;
    if (!record) {
      throwIfCancelled(input.signal);
      record = this.resolved(block, changed, input, environment, 'check');
    }
    if (record.signature !== last.records.at(changed)!.signature) return undefined;
    const own = this.checkMessages(record, block, last.decisions, last.anyDecision, input);
    const messages = last.messages.with(changed, own);
    // As in `quietRender`: the block's last text may go when the map is full.
    const replaced = last.records.at(changed)!;
    if (replaced !== record) replaced.used = this.checkGeneration - 1;
    this.lastCheckStats = {
      resolved: resolved ? 1 : 0,
      reused: blocks.length - (resolved ? 1 : 0),
    };
    return this.rememberCheck(environment, {
      ...last,
      blocks,
      records: last.records.with(changed, record),
      messages,
    });
  }

  /** A checked block's messages at its place: resolving's, then the disclose stage's. */
  private checkMessages(
    record: BlockRecord,
    block: ParsedBlock,
    decisions: Decisions,
    anyDecision: boolean,
    input: BlockRenderInput,
  ): readonly Message[] {
    const own = record.resolvedMessages ?? NO_MESSAGES;
    const disclosed = anyDecision ? disclosureMessages(record, decisions, input) : NO_MESSAGES;
    if (own.length === 0 && disclosed.length === 0) return NO_MESSAGES;
    return [...own, ...disclosed].map((message) => shiftMessage(message, block.line - 1));
  }

  private rememberCheck(environment: string, last: LastCheck): LastCheck {
    this.lastChecks.delete(environment);
    this.lastChecks.set(environment, last);
    if (this.lastChecks.size > LAST_RENDERS)
      this.lastChecks.delete(this.lastChecks.keys().next().value as string);
    return last;
  }

  /** Keeps a render for the next quiet edit of its report and mode (two previews, an export). */
  private remember(last: LastRender): LastRender {
    this.lasts.delete(last.environment);
    this.lasts.set(last.environment, last);
    if (this.lasts.size > LAST_RENDERS) this.lasts.delete(this.lasts.keys().next().value as string);
    return last;
  }

  /**
   * A block resolved for the first time (or again), kept under its text: for a render,
   * with its resolution to build from; for `check`, without charts, with its messages.
   */
  private resolved(
    block: ParsedBlock,
    index: number,
    input: BlockRenderInput,
    environment: string,
    purpose: Purpose = 'render',
  ): BlockRecord {
    const forCheck = purpose === 'check';
    const { map, generation } = this.store(purpose, index);
    const resolution = resolveBlock(block, input, this.token, !forCheck);
    const record: BlockRecord = {
      environment,
      reads: resolution.reads,
      digest: readsDigest(input.catalogue, resolution.reads),
      checkedIn: input.catalogue,
      figures: resolution.figures,
      signature: resolution.figures.map(figureKey).join('\u0001'),
      entries: new Map(),
      ...(forCheck ? { resolvedMessages: resolution.messages } : { resolution }),
      used: generation,
    };
    map.set(block.text, record);
    if (map.size > ENTRY_LIMIT) evict(map, generation);
    return record;
  }

  /** Starts building a block for the decisions, from its resolution (kept, or made again). */
  private startBuild(
    record: BlockRecord,
    block: ParsedBlock,
    input: BlockRenderInput,
    decisions: Decisions,
  ): Build {
    const resolution = record.resolution ?? resolveBlock(block, input, this.token);
    record.resolution = undefined;
    return { run: resolution.build(decisions), reads: resolution.reads };
  }

  /** Waits for a block's build and keeps the entry under the decisions' digest. */
  private async built(
    record: BlockRecord,
    key: string,
    build: Build,
    catalogue: Catalogue,
  ): Promise<Entry> {
    const entry = await build.run();
    record.entries.set(key, entry);
    // Building may read more of the catalogue than resolving did.
    for (const id of build.reads.ids) record.reads.ids.add(id);
    record.reads.all ||= build.reads.all;
    record.digest = readsDigest(catalogue, record.reads);
    return entry;
  }

  /** A block's messages at its place: its own, then the disclose stage's on its figures. */
  private blockMessages(
    record: BlockRecord,
    entry: Entry,
    block: ParsedBlock,
    decisions: Decisions,
    anyDecision: boolean,
    input: BlockRenderInput,
  ): readonly Message[] {
    const own = this.shifted(entry, block.line - 1);
    if (!anyDecision) return own;
    const disclosed = disclosureMessages(record, decisions, input);
    if (disclosed.length === 0) return own;
    return [...own, ...disclosed.map((message) => shiftMessage(message, block.line - 1))];
  }

  /** The render's result: HTML, messages and figures, each put together when read. */
  private result(last: LastRender): BlockRenderResult {
    const messages = [...last.messages.list];
    const headingEntry = last.heading === -1 ? undefined : last.placed.at(last.heading)?.entry;
    // Ids are named in block order, as the whole-tree render names them in document order.
    let placed: string[] | undefined;
    const place = () => {
      if (placed) return placed;
      const counter = new IdCounter();
      const parts = last.placed.items().filter(({ entry }) => entry.nodes > 0);
      return (placed = parts.map(({ entry, lines }) =>
        this.place(
          entry,
          lines,
          entry.html.ids.map((base) => counter.name(base)),
        ),
      ));
    };
    let body: string | undefined;
    let printed: FigureRecord[] | undefined;
    return {
      // Joined when asked for: a face that patches blocks need not pay for the whole.
      get body() {
        return (body ??= place().join('\n'));
      },
      get blocks() {
        return place();
      },
      messages,
      symbolsUsed: new Set(last.symbolsUsed),
      firstHeading: headingEntry?.heading || undefined,
      // Listed when asked for (an export, `scorecard figures`): a keystroke in a long
      // report must not copy every figure record of every block to move its line.
      get printed() {
        return (printed ??= last.placed
          .items()
          .flatMap(({ entry, lines }) =>
            entry.printed.map((record) => shiftRecord(record, lines)),
          ));
      },
    };
  }

  /** An entry's messages moved down by `lines`, kept while the block stays where it is. */
  private shifted(entry: Entry, lines: number): readonly Message[] {
    if (lines === 0 || entry.messages.length === 0) return entry.messages;
    const known = this.shiftedMessages.get(entry);
    if (known?.lines === lines) return known.messages;
    const messages = entry.messages.map((message) => shiftMessage(message, lines));
    this.shiftedMessages.set(entry, { lines, messages });
    return messages;
  }

  /**
   * Stops a cancelled render before it queues more work. The blocks it resolved but
   * built nothing for are forgotten, so the cache holds only what a finished render left.
   */
  private cancelled(signal: AbortSignal | undefined, fresh: readonly BlockRecord[]): void {
    if (!signal?.aborted) return;
    for (const record of fresh) {
      record.resolution = undefined;
      if (record.entries.size > 0) continue;
      for (const map of [this.records.first, this.records.later]) {
        for (const [text, known] of map) if (known === record) map.delete(text);
      }
    }
    throwIfCancelled(signal);
  }

  /**
   * The record kept for the block's text when it still stands for the block, marked used
   * by the current render or check (`purpose` says whose records).
   */
  private kept(
    purpose: Purpose,
    block: ParsedBlock,
    index: number,
    environment: string,
    catalogue: Catalogue,
  ): BlockRecord | undefined {
    const { map, generation } = this.store(purpose, index);
    const record = map.get(block.text);
    if (!record || !this.current(record, environment, catalogue)) return undefined;
    record.used = generation;
    return record;
  }

  /** Where a render's or a check's record of the block at `index` is kept, and their generation. */
  private store(
    purpose: Purpose,
    index: number,
  ): { readonly map: Map<string, BlockRecord>; readonly generation: number } {
    const forCheck = purpose === 'check';
    const records = forCheck ? this.checkRecords : this.records;
    return {
      map: index === 0 ? records.first : records.later,
      generation: forCheck ? this.checkGeneration : this.generation,
    };
  }

  /** Whether a record still stands for its block: same environment, same indicators read. */
  private current(record: BlockRecord, environment: string, catalogue: Catalogue): boolean {
    if (record.environment !== environment) return false;
    if (record.checkedIn === catalogue) return true;
    if (readsDigest(catalogue, record.reads) !== record.digest) return false;
    record.checkedIn = catalogue;
    return true;
  }

  private disclose(records: readonly BlockRecord[], input: BlockRenderInput): Decisions {
    const signatures = records.map((record) => record.signature);
    const last = this.lastDisclose;
    if (
      last?.catalogue === input.catalogue &&
      last.signatures.length === signatures.length &&
      last.signatures.every((signature, index) => signature === signatures[index])
    ) {
      return last.decisions;
    }
    const decisions = discloseFigures({
      figures: records.flatMap((record) => record.figures),
      catalogue: input.catalogue,
      threshold: input.catalogue.smallNumberThreshold,
    });
    this.lastDisclose = { catalogue: input.catalogue, signatures, decisions };
    return decisions;
  }

  clear(): void {
    this.lasts.clear();
    this.records.first.clear();
    this.records.later.clear();
    this.checkRecords.first.clear();
    this.checkRecords.later.clear();
    this.lastChecks.clear();
    this.lastDisclose = undefined;
  }

  /**
   * A block's HTML with its lines moved down by `lines` and its ids named `names`. Typing
   * moves nothing, so each block keeps the string it had last time rather than joining
   * the whole report again on every keystroke.
   */
  private place(entry: Entry, lines: number, names: readonly string[]): string {
    const known = this.placed.get(entry);
    if (
      known?.lines === lines &&
      known.names.length === names.length &&
      known.names.every((name, index) => name === names[index])
    ) {
      return known.html;
    }
    const html = joinParts(entry.html, names, lines);
    this.placed.set(entry, { lines, names, html });
    return html;
  }
}

/**
 * The one block a quiet edit changed since the `last` render or check (-1: none), or
 * undefined when the edit reaches wider or the catalogue is another.
 */
function quietlyChanged(
  last: { readonly blocks: ReadList<ParsedBlock>; readonly catalogue: Catalogue } | undefined,
  blocks: ReadList<ParsedBlock>,
  input: BlockRenderInput,
): number | undefined {
  if (!last || last.catalogue !== input.catalogue) return undefined;
  // The parser's word for it, when it is about these blocks and the last ones.
  const edit = input.edit;
  const known = edit?.before === last.blocks && edit.after === blocks;
  return known ? edit.edited : onlyChangedBlock(last.blocks, blocks);
}

/** Resolves one block alone; its build waits for the document's decisions. */
function resolveBlock(
  block: ParsedBlock,
  input: BlockRenderInput,
  token: string,
  withCharts = true,
): Resolution {
  const messages: Message[] = [];
  const symbols = new Set<StatSymbol>();
  const marks = new IdMarks(token);
  const figureLog = new FigureLog(input.path);
  const reads: CatalogueReads = { ids: new Set(), all: false };
  const ctx: ResolveContext = {
    file: input.path,
    catalogue: recordingCatalogue(input.catalogue, reads),
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
    withCharts,
    charts: input.charts,
    messages,
    figureLog,
    nextId: (prefix, keys = []) => marks.id(prefix, keys),
    report: (ruleId, reason, at, options) =>
      messages.push(placedMessage(input.path, ruleId, reason, at, options)),
  };
  const tree: Root = { type: 'root', children: block.nodes() };
  resolveDirectives(tree, block.text, ctx);
  return {
    figures: ctx.figures,
    messages,
    reads,
    build: (decisions) => {
      ctx.decisions = decisions;
      for (const start of ctx.afterDisclose) start();
      const all = Promise.all(ctx.pending);
      return async () => {
        await all;
        const heading = headingText(tree);
        const nodes = tree.children.filter((node) => node.type !== 'yaml').length;
        const html = await renderBody(
          tree,
          ctx.slots,
          new VFile({ path: input.path, value: block.text }),
          input.mode === 'public',
          (line) => marks.line(line),
        );
        return {
          html: splitMarks(html, marks),
          nodes,
          messages,
          symbols: [...symbols],
          heading,
          printed: figureLog.records,
        };
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

function shiftRecord(record: FigureRecord, lines: number): FigureRecord {
  if (lines === 0) return record;
  return { ...record, place: { ...record.place, line: record.place.line + lines } };
}

const environments = new WeakMap<Catalogue, Map<string, string>>();

/**
 * Everything besides the block's text and the indicators it reads that its HTML depends
 * on; worked out once per catalogue and options.
 */
function environmentKey(input: BlockRenderInput): string {
  const { catalogue } = input;
  const options = JSON.stringify([
    input.path,
    input.mode,
    input.allowSmallNumbers,
    input.reportPeriod?.key ?? null,
  ]);
  let known = environments.get(catalogue);
  if (!known) environments.set(catalogue, (known = new Map()));
  let key = known.get(options);
  if (key === undefined) {
    const hash = createHash('sha1');
    hash.update(options);
    hash.update(
      JSON.stringify([
        catalogue.smallNumberThreshold,
        catalogue.comparators,
        [...catalogue.lookup],
        // Which indicators are parts of which: a total's disclosure (and whether a message
        // may quote it) depends on its parts, which a block need not read.
        [...unrecorded(catalogue.indicators).values()].flatMap((indicator) =>
          indicator.partOf === undefined ? [] : [[indicator.id, indicator.partOf]],
        ),
      ]),
    );
    key = hash.digest('base64');
    known.set(options, key);
  }
  return key;
}
