import { basename, dirname, resolve } from 'node:path';
import { VFile } from 'vfile';
import type { CatalogueResult, Engine, EngineOptions, RenderOptions, RenderResult } from './api.js';
import { DataCache } from './data/cache.js';
import { createNodeHost } from './node-host.js';
import { realDfeFolder } from './host.js';
import { ChartRenderer } from './charts/render-svg.js';
import { loadCatalogue } from './data/load-catalogue.js';
import type { ResolveContext } from './directives/context.js';
import { resolveDirectives } from './directives/resolve.js';
import { NO_DECISIONS, discloseFigures, reportDisclosure } from './disclose/index.js';
import { DOCUMENT_CSS } from './html/styles.js';
import { renderDocument } from './html/document.js';
import { renderBody } from './html/pipeline.js';
import { IdCounter, IdMarks, joinParts, markToken, splitMarks } from './html/element-ids.js';
import { Slots } from './html/slots.js';
import { RULES, createMessage, sortMessages } from './messages.js';
import { capMessages } from './message-cap.js';
import { parsePeriod, periodLabel } from './periods.js';
import { publicGateProblems } from './html/public-gate.js';
import { alreadyNormal, normaliseText } from './report/decode-text.js';
import {
  fenceProblems,
  outsideRegions,
  parsedFences,
  regionTexts,
  scanFences,
  type FenceScan,
} from './report/exempt-scan.js';
import { readFrontMatter } from './report/front-matter.js';
import { frontMatterLookalikes } from './report/front-matter-lookalike.js';
import { longBlockProblem, sizeProblem } from './report/input-limits.js';
import { workProblem } from './report/work-limits.js';
import type { FrontMatter } from './report/front-matter.js';
import { frontMatterOf, parseReport } from './report/parse-report.js';
import {
  IncrementalParser,
  splitBlocks,
  treeOf,
  type BlockEdit,
  type BlockSpan,
  type ParsedBlock,
} from './report/incremental-parse.js';
import { isNoEdit, lineEdit, quietEdit, type LineEdit } from './report/quiet-edit.js';
import { detached } from './report/detached-text.js';
import { BlockRenderCache, type BlockRenderInput } from './block-render-cache.js';
import { itemsOf, PatchedList, type ReadList } from './patched-list.js';
import { throwIfCancelled } from './cancel.js';
import { BlockKeyer, keyBlocks, type PreviewBlock } from './preview-blocks.js';
import type { Catalogue, Message, Period } from './types.js';
import type { Root } from 'mdast';
import { VERSION } from './version.js';
import { FigureLog } from './figures/figure-log.js';
import type { FigureRecord } from './figures/figure-record.js';
import { exportedFigures } from './figures/embed.js';

export type * from './api.js';
export type * from './types.js';
export * from './library-exports.js';
export { RULES, formatMessageLine, sortMessages } from './messages.js';
export { DOCUMENT_CSS } from './html/styles.js';
export { decodeBytes } from './report/decode-text.js';
export { readDocxGenerator, renderDocx } from './docx/index.js';
export { FiguresFormatError, exportedFigures, readFigures } from './figures/embed.js';
export { FIGURE_FIELDS, FIGURE_KINDS, figureIdentity } from './figures/figure-record.js';
export type { FigureKind, FigureRecord } from './figures/figure-record.js';
export { diffFigures, diffJson, diffSummary, diffText } from './figures/diff.js';
export type { FigureChange, FigureDiff } from './figures/diff.js';
export { diffReportBody, diffReportHtml, isExemptExport } from './figures/diff-report.js';

/** The default small-number threshold: DfE suppresses counts from 1 to 5. */
const DEFAULT_SMALL_NUMBER_THRESHOLD = 5;

/** Documents whose last parse the engine remembers (one per open editor, roughly). */
const OPEN_REPORTS = 16;

/**
 * Reports past this size are refused unparsed: a real report is tens of kilobytes, and a
 * pasted dump or a wrong file must not freeze the preview or the extension host.
 */
export const DEFAULT_MAX_REPORT_BYTES = 10 * 1024 * 1024;

interface Prepared {
  readonly text: string;
  readonly path: string;
  /** The text's blocks, each parsed when first asked for; undefined when it is parsed whole. */
  readonly blocks: ReadList<ParsedBlock> | undefined;
  /** How `blocks` differ from the blocks before, when the parser knows. */
  readonly edit: BlockEdit<ParsedBlock> | undefined;
  /** The whole tree, parsed on first call (the block path never needs it). */
  readonly tree: () => Root;
  readonly frontMatter: FrontMatter;
  readonly catalogue: Catalogue;
  readonly reportPeriod: Period | undefined;
  readonly messages: Message[];
  /** The `:::` fences as the line scan reads them, for the public gate. */
  readonly fences: FenceScan;
  /** Where the parser read the fences otherwise than the line scan (see `Door`). */
  readonly fenceMessages: () => readonly Message[];
}

/**
 * The engine every face uses. It keeps parsed data files and rendered charts between
 * calls, re-reading a data file only when it changed on disk.
 */
export function createEngine(options: EngineOptions = {}): Engine {
  const host = options.host ?? createNodeHost();
  const cache = new DataCache(host);
  const charts = new ChartRenderer({
    workers: host.chartWorkers,
    ...(host.chartWorkerScript ? { workerUrl: host.chartWorkerScript } : {}),
  });
  const allowedRoots = (options.allowedRoots ?? []).map((root) => resolve(root));
  // Below 1 nothing would be suppressed: such a setting falls back to the default.
  const wanted = options.smallNumberThreshold;
  const threshold =
    wanted !== undefined && wanted >= 1 ? Math.ceil(wanted) : DEFAULT_SMALL_NUMBER_THRESHOLD;
  const maxReportBytes = options.maxReportBytes ?? DEFAULT_MAX_REPORT_BYTES;
  // Typing re-renders one block of a long report: parse and render only what changed.
  const parsers = new Map<string, IncrementalParser>();
  const blockCache = new BlockRenderCache();
  /** Marks the ids of a whole-tree render until they are named (see html/element-ids.ts). */
  const idToken = markToken();
  /** What the door checks found in each report's last text. */
  const doors = new Map<string, Door>();
  const keyers = new Map<string, BlockKeyer>();
  function parserFor(path: string): IncrementalParser {
    let parser = parsers.get(path);
    if (!parser) {
      parser = new IncrementalParser();
      if (parsers.size >= OPEN_REPORTS) parsers.delete(parsers.keys().next().value as string);
      parsers.set(path, parser);
    }
    return parser;
  }

  /** One per open report, like the parsers: a block's key is remembered until it changes. */
  function keyerFor(path: string): BlockKeyer {
    let keyer = keyers.get(path);
    if (!keyer) {
      keyer = new BlockKeyer();
      if (keyers.size >= OPEN_REPORTS) keyers.delete(keyers.keys().next().value as string);
      keyers.set(path, keyer);
    }
    return keyer;
  }

  /** Normalised at the door: nothing after this sees a CR, a BOM or text that was not UTF-8. */
  async function prepare(written: string, renderOptions: RenderOptions): Promise<Prepared> {
    const path = resolve(renderOptions.path);
    // Typing: the text is the last accepted one with a few characters changed, and only
    // those need reading for what normalising looks for (reading all costs per keystroke).
    // One comparison finds both: the same text is an edit that changes nothing (comparing
    // a long text costs per keystroke, so it is not compared again for equality).
    const known = doors.get(path)?.text;
    const edit = known === undefined ? undefined : lineEdit(known, written);
    const typedNormal =
      edit !== undefined &&
      (isNoEdit(edit) ||
        alreadyNormal(written.slice(edit.start, edit.start + edit.inserted), edit.start === 0));
    if (typedNormal) return prepareText(written, renderOptions, edit);
    const door = normaliseText(written, path, 'report');
    if (!door.ok) return prepareText('', renderOptions).then(withMessage(door.message));
    return prepareText(door.text, renderOptions);
  }

  async function prepareText(
    text: string,
    renderOptions: RenderOptions,
    /** How `text` differs from the last door's text, when `prepare` worked it out. */
    textEdit?: LineEdit,
  ): Promise<Prepared> {
    const path = resolve(renderOptions.path);
    const refused = (message: Message): Promise<Prepared> => {
      doors.delete(path);
      return prepare('', renderOptions).then(withMessage(message));
    };
    const tooLarge = sizeProblem(text, path, maxReportBytes);
    if (tooLarge) return refused(tooLarge);
    const parser = parserFor(path);
    // Typing in a paragraph changes nothing the door checks read: their answers are kept.
    const previousDoor = doors.get(path);
    const reused = reusedDoor(previousDoor, text, textEdit);
    const read = reused ? undefined : readDoor(text, path, parser);
    if (read && 'refusal' in read) return refused(read.refusal);
    const door = reused ?? read?.door;
    if (!door) throw new Error('a door is either kept or read');
    if (doors.size >= OPEN_REPORTS && !doors.has(path))
      doors.delete(doors.keys().next().value as string);
    doors.set(path, door);
    // The door found the edited block (its shift starts there): the parser need not look.
    const spanEdit: BlockEdit<BlockSpan> | undefined =
      previousDoor?.spans && door.spans && door !== previousDoor && door.shift
        ? { before: previousDoor.spans, after: door.spans, edited: door.shift.after }
        : undefined;
    // Only the first block holds front matter: the others are parsed as they are rendered,
    // so the first charts go to the render workers before the last block is parsed.
    const blocks = read ? read.blocks : parser.parseBlocks(text, door.spans, spanEdit);
    // Taken now: another render of this report may use the parser while data is loaded.
    const edit = parser.lastEdit;
    let whole: Root | undefined;
    const tree =
      read?.tree ?? ((): Root => (whole ??= blocks ? treeOf(blocks, text) : parseReport(text)));
    const { frontMatter, fences, fenceMessages } = door;
    const messages = [...door.messages];
    const loaded = await loadCatalogue(
      frontMatter.data.map((data) => ({ path: data.value, place: data.place })),
      { reportDir: dirname(path), allowedRoots, host },
      {
        smallNumberThreshold: threshold,
        cache,
        ...(options.maxDataFileBytes !== undefined
          ? { maxFileBytes: options.maxDataFileBytes }
          : {}),
        ...(host.dfeDataFolder ? { dfeDir: host.dfeDataFolder } : {}),
      },
    );
    for (const message of loaded.messages) messages.push(message);
    let reportPeriod: Period | undefined;
    if (frontMatter.period) {
      reportPeriod = parsePeriod(frontMatter.period.value);
      if (!reportPeriod) {
        messages.push(
          createMessage(
            RULES.unknownPeriod,
            `Unknown period "${frontMatter.period.value}"; write 2023/24, 2023/24 Q4, 2023/24 H1, 2024-05 or 2024-03-31`,
            frontMatter.period.place,
          ),
        );
      }
    }
    return {
      text,
      path,
      blocks,
      edit,
      tree,
      frontMatter,
      catalogue: loaded.catalogue,
      reportPeriod,
      messages,
      fences,
      fenceMessages,
    };
  }

  async function resolveReport(
    prepared: Prepared,
    renderOptions: RenderOptions,
    withCharts: boolean,
  ) {
    const mode = renderOptions.mode ?? 'preview';
    const messages = prepared.messages;
    const marks = new IdMarks(idToken);
    const ctx: ResolveContext & { readonly marks: IdMarks } = {
      marks,
      file: prepared.path,
      catalogue: prepared.catalogue,
      reportPeriod: prepared.reportPeriod,
      mode,
      slots: new Slots(),
      symbolsUsed: new Set(),
      allowSmallNumbers: renderOptions.allowSmallNumbers ?? false,
      figures: [],
      decisions: NO_DECISIONS,
      afterDisclose: [],
      suppressedShown: new Set(),
      pending: [],
      withCharts,
      charts,
      messages,
      ...(withCharts ? { figureLog: new FigureLog(prepared.path) } : {}),
      nextId: (prefix, keys = []) => marks.id(prefix, keys),
      report: (ruleId, reason, at, messageOptions) =>
        messages.push(
          createMessage(
            ruleId,
            reason,
            { file: prepared.path, line: at.line, column: at.column },
            {
              ...messageOptions,
              ...(at.endLine !== undefined && at.endColumn !== undefined
                ? { end: { line: at.endLine, column: at.endColumn } }
                : {}),
            },
          ),
        ),
    };
    checkClassification(prepared.frontMatter, renderOptions, messages);
    throwIfCancelled(renderOptions.signal);
    resolveDirectives(prepared.tree(), prepared.text, ctx);
    // The disclose stage: every figure of the document decided at once, before any is built.
    ctx.decisions = discloseFigures({
      figures: ctx.figures,
      catalogue: prepared.catalogue,
      threshold: prepared.catalogue.smallNumberThreshold,
    });
    reportDisclosure(ctx.figures, ctx.decisions, ctx, ctx.report);
    throwIfCancelled(renderOptions.signal);
    for (const start of ctx.afterDisclose) start();
    await Promise.all(ctx.pending);
    return ctx;
  }

  async function render(text: string, renderOptions: RenderOptions): Promise<RenderResult> {
    throwIfCancelled(renderOptions.signal);
    const prepared = await prepare(text, renderOptions);
    throwIfCancelled(renderOptions.signal);
    const ctx =
      (await renderBlocks(prepared, renderOptions)) ?? (await renderWhole(prepared, renderOptions));
    // Read now that the render has parsed every block (see `Door.fenceMessages`).
    ctx.messages.push(...prepared.fenceMessages());
    // Defence in depth: whatever a face does with a refused result, an exempt report's
    // content never sits in a public document, nor a report whose classification or
    // exempt fences could not be read with certainty.
    const notice = exemptRefused(prepared.frontMatter, renderOptions)
      ? '<p class="sc-problem" role="note">This report is classified exempt and is not exported as public.</p>'
      : doorRefused(ctx.messages, renderOptions)
        ? REFUSED_NOTICE
        : undefined;
    // The body is joined from its blocks only when read (see block-render-cache.ts).
    let body: string | undefined = notice;
    // Set when the body is a notice instead of the report's own blocks.
    let shownNotice = notice;
    // Read when asked for: a keystroke's render lists no figures. An exempt export of a
    // report whose front matter or fences could not be read is refused as a public one is
    // (the CLI writes neither): its list, the data team's sign-off, is empty too.
    let figures: readonly FigureRecord[] | undefined =
      notice === undefined && !(ctx.mode === 'exempt' && hasDoorError(ctx.messages))
        ? undefined
        : [];
    const shownFigures = (): readonly FigureRecord[] => (figures ??= ctx.printed);
    let messages = finish(ctx.messages);
    const title =
      prepared.frontMatter.title?.value ?? ctx.firstHeading ?? basename(prepared.path, '.md');
    const documentInput = {
      title,
      get bodyHtml() {
        return (body ??= ctx.body);
      },
      ...(prepared.frontMatter.meeting ? { meeting: prepared.frontMatter.meeting.value } : {}),
      ...(prepared.reportPeriod ? { periodLabel: periodLabel(prepared.reportPeriod) } : {}),
      classification: prepared.frontMatter.classification.value,
      mode: ctx.mode,
      symbolsUsed: [...ctx.symbolsUsed],
      legend: [],
      generator: VERSION,
    };
    // Only an export carries its figures, with paths from the report's folder.
    const withFigures = (shown: readonly FigureRecord[]) => ({
      ...documentInput,
      figures: exportedFigures(shown, dirname(prepared.path), realDfeFolder(host)),
    });
    // The preview shows `body`; only an export needs the whole document, and joining a
    // long report into it costs as much as the rest of a re-render after a keystroke.
    let html: string | undefined;
    if (ctx.mode === 'public') {
      // The last gate reads the finished document, whatever built it.
      html = renderDocument(withFigures(shownFigures()));
      const problems = publicGateProblems({
        html,
        file: prepared.path,
        exempt: regionTexts(prepared.fences, prepared.text),
        publicSource: outsideRegions(prepared.fences, prepared.text),
      });
      if (problems.length > 0) {
        messages = finish([...messages, ...problems]);
        body = shownNotice = REFUSED_NOTICE;
        figures = [];
        html = renderDocument({ ...withFigures(figures), bodyHtml: body });
      }
    }
    // Keyed on first use: only the preview patches block by block.
    let blocks: readonly PreviewBlock[] | undefined;
    const keyed = (): readonly PreviewBlock[] =>
      shownNotice === undefined && 'blocks' in ctx
        ? keyerFor(prepared.path).key(ctx.blocks)
        : keyBlocks([shownNotice ?? ctx.body], false);
    return {
      get html() {
        return (html ??= renderDocument(withFigures(shownFigures())));
      },
      get body() {
        return (body ??= ctx.body);
      },
      get blocks() {
        return (blocks ??= keyed());
      },
      css: DOCUMENT_CSS,
      title,
      messages,
      dataFiles: prepared.catalogue.files,
      refused: messages.some((message) => message.severity === 'error'),
      get figures() {
        return shownFigures();
      },
    };
  }

  /** The whole tree at once: `check`'s path, and render's when blocks cannot be cut safely. */
  async function renderWhole(prepared: Prepared, renderOptions: RenderOptions) {
    const ctx = await resolveReport(prepared, renderOptions, true);
    throwIfCancelled(renderOptions.signal);
    const html = await renderBody(
      prepared.tree(),
      ctx.slots,
      new VFile({ path: prepared.path, value: prepared.text }),
      ctx.mode === 'public',
    );
    // Named in document order, as the block cache names them block after block.
    const parts = splitMarks(html, ctx.marks);
    const counter = new IdCounter();
    const body = joinParts(
      parts,
      parts.ids.map((base) => counter.name(base)),
      0,
    );
    return {
      ...ctx,
      body,
      firstHeading: firstHeading(prepared.tree()),
      printed: ctx.figureLog?.records ?? [],
    };
  }

  /** What every block of a render or check of `prepared` shares. */
  function blockInput(prepared: Prepared, renderOptions: RenderOptions): BlockRenderInput {
    return {
      path: prepared.path,
      catalogue: prepared.catalogue,
      reportPeriod: prepared.reportPeriod,
      mode: renderOptions.mode ?? 'preview',
      allowSmallNumbers: renderOptions.allowSmallNumbers ?? false,
      charts,
      signal: renderOptions.signal,
      edit: prepared.edit,
    };
  }

  /** Block by block through the render cache; the same result as `renderWhole`. */
  async function renderBlocks(prepared: Prepared, renderOptions: RenderOptions) {
    const blocks = prepared.blocks;
    if (!blocks) return undefined;
    const input = blockInput(prepared, renderOptions);
    const result = await blockCache.render(blocks, input);
    if (!result) return undefined;
    const messages = prepared.messages;
    checkClassification(prepared.frontMatter, renderOptions, messages);
    messages.push(...result.messages);
    return {
      get body() {
        return result.body;
      },
      get blocks() {
        return result.blocks;
      },
      symbolsUsed: result.symbolsUsed,
      firstHeading: result.firstHeading,
      get printed() {
        return result.printed;
      },
      mode: input.mode,
      messages,
    };
  }

  /** Parse, resolve and disclose: block by block when the text cuts into blocks, as render. */
  async function check(text: string, renderOptions: RenderOptions): Promise<readonly Message[]> {
    throwIfCancelled(renderOptions.signal);
    const prepared = await prepare(text, renderOptions);
    if (prepared.blocks) {
      const messages = prepared.messages;
      checkClassification(prepared.frontMatter, renderOptions, messages);
      messages.push(...blockCache.check(prepared.blocks, blockInput(prepared, renderOptions)));
      return finish([...messages, ...prepared.fenceMessages()]);
    }
    const ctx = await resolveReport(prepared, renderOptions, false);
    return finish([...ctx.messages, ...prepared.fenceMessages()]);
  }

  async function catalogue(text: string, renderOptions: RenderOptions): Promise<CatalogueResult> {
    const prepared = await prepare(text, renderOptions);
    return {
      catalogue: prepared.catalogue,
      ...(prepared.reportPeriod ? { period: prepared.reportPeriod.key } : {}),
      messages: finish([...prepared.messages, ...prepared.fenceMessages()]),
    };
  }

  return {
    render,
    check,
    catalogue,
    invalidate: (file) => cache.invalidate(resolve(file)),
    prestartCharts: () => charts.prestart(),
    chartStats: () => charts.stats(),
    dispose: () => charts.close(),
  };
}

/**
 * What the parser may have misread, checked apart from it: front matter that was not read
 * as written (into `messages`), and exempt fences the line scan reads differently (see
 * exempt-scan.ts). The fences are compared when `fenceMessages` is first called: that
 * needs every block with a fence parsed, which the render does anyway, and an export's
 * first charts can go to the workers while the later blocks are parsed. Nothing is shown
 * before the render's messages are read, so the comparison still decides a refusal.
 */
function checkDoor(
  text: string,
  path: string,
  parsed: {
    readonly blocks: ReadList<ParsedBlock> | undefined;
    readonly tree: () => Root;
    readonly frontMatter: FrontMatter;
    readonly yaml: string | undefined;
    readonly firstLine: number;
  },
  messages: Message[],
): { readonly fences: FenceScan; readonly fenceMessages: () => readonly Message[] } {
  const { blocks, frontMatter, yaml, firstLine } = parsed;
  const frontMatterLines =
    yaml === undefined
      ? undefined
      : { first: 1, last: firstLine + (yaml === '' ? 0 : yaml.split('\n').length) };
  const classified = frontMatter.classification.place;
  messages.push(
    ...frontMatterLookalikes(
      text,
      path,
      frontMatterLines,
      classified === frontMatter.place ? undefined : classified.line,
    ),
  );
  const fences = scanFences(text);
  let found: readonly Message[] | undefined;
  const fenceMessages = (): readonly Message[] => {
    if (found) return found;
    if (!fences.anyFence) return (found = []);
    // Only the blocks with fences in them are needed, each as parsed (no copy moved into
    // place); the whole tree when the text is not cut.
    const parts = blocks
      ? itemsOf(blocks)
          .filter((block) => block.text.includes(':::'))
          .map((block) => ({
            tree: { type: 'root', children: [...block.pristine()] } as Root,
            line: block.line,
          }))
      : [{ tree: parsed.tree(), line: 1 }];
    return (found = fenceProblems(fences, parsedFences(parts), text, path));
  };
  // A text parsed whole is one tree, which the render changes (exempt blocks go): read first.
  if (!blocks) fenceMessages();
  return { fences, fenceMessages };
}

/** What the checks at the door found in one text, kept for the next keystroke. */
interface Door {
  readonly text: string;
  /** The text's blocks; the offsets of those after `shift.after` are `shift.delta` short. */
  readonly spans: PatchedList<BlockSpan> | undefined;
  /**
   * Typing in one block moves every block after it: the move is kept here rather than
   * written into each of their spans, while the typing stays in that block.
   */
  readonly shift?: { readonly after: number; readonly delta: number } | undefined;
  readonly frontMatter: FrontMatter;
  /** The front matter's and the door checks' messages, but for the fences'. */
  readonly messages: readonly Message[];
  readonly fences: FenceScan;
  /**
   * The fence comparison's messages, made on the first call and kept: a quiet edit, which
   * keeps the door, leaves every fence where it was.
   */
  readonly fenceMessages: () => readonly Message[];
}

/** Reads the text's front matter and runs every door check over the whole text. */
function readDoor(
  text: string,
  path: string,
  parser: IncrementalParser,
):
  | {
      readonly door: Door;
      readonly blocks: ReadList<ParsedBlock> | undefined;
      readonly tree: () => Root;
    }
  | { readonly refusal: Message } {
  const refusal = longBlockProblem(text, path) ?? workProblem(text, path);
  if (refusal) return { refusal };
  const cut = splitBlocks(text);
  const spans = cut && PatchedList.of(cut);
  const blocks = parser.parseBlocks(text, spans);
  let whole: Root | undefined;
  const tree = (): Root => (whole ??= blocks ? treeOf(blocks, text) : parseReport(text));
  const head: Root = blocks
    ? { type: 'root', children: [...(blocks.at(0)?.pristine() ?? [])] }
    : tree();
  const { yaml, firstLine } = frontMatterOf(head);
  const { frontMatter, messages } = readFrontMatter(yaml, path, firstLine);
  const { fences, fenceMessages } = checkDoor(
    text,
    path,
    { blocks, tree, frontMatter, yaml, firstLine },
    messages,
  );
  return { door: { text, spans, frontMatter, messages, fences, fenceMessages }, blocks, tree };
}

/**
 * The last door's findings for a text that differs from its text by a quiet edit outside
 * the first block (see quiet-edit.ts): the same blocks, the edited one's text changed and
 * the later ones moved; every line number stays.
 */
function reusedDoor(
  previous: Door | undefined,
  text: string,
  known: LineEdit | undefined,
): Door | undefined {
  const spans = previous?.spans;
  if (!previous || !spans || spans.length < 2) return undefined;
  const edit = known ?? lineEdit(previous.text, text);
  if (isNoEdit(edit)) return previous;
  if (!quietEdit(previous.text, text, edit)) return undefined;
  const shift = previous.shift;
  const offsetOf = (index: number): number =>
    spans.at(index)!.offset + (shift && index > shift.after ? shift.delta : 0);
  // The last block that starts at or before the edit (the offsets grow block by block).
  let index = 0;
  for (let high = spans.length - 1; index < high;) {
    const middle = (index + high + 1) >> 1;
    if (offsetOf(middle) <= edit.start) index = middle;
    else high = middle - 1;
  }
  const block = spans.at(index);
  const offset = offsetOf(index);
  if (index === 0 || !block || edit.start + edit.removed > offset + block.text.length) {
    return undefined;
  }
  const delta = edit.inserted - edit.removed;
  // Typing on in the same block adds to its move; typing in another writes the last move
  // into the spans first.
  const base =
    !shift || shift.after === index
      ? spans
      : PatchedList.of(
          Array.from(spans, (span, i) =>
            i > shift.after
              ? { offset: span.offset + shift.delta, line: span.line, text: span.text }
              : span,
          ),
        );
  const edited = base.with(index, {
    offset,
    line: block.line,
    text: detached(text.slice(offset, offset + block.text.length + delta)),
  });
  const moved = (shift?.after === index ? shift.delta : 0) + delta;
  return { ...previous, text, spans: edited, shift: { after: index, delta: moved } };
}

/** Puts a report-wide message first among an (empty) prepared report's messages. */
function withMessage(message: Message): (prepared: Prepared) => Prepared {
  return (prepared) => ({ ...prepared, messages: [message, ...prepared.messages] });
}

const REFUSED_NOTICE =
  '<p class="sc-problem" role="note">This report has errors that stop a public export; none of its content is shown here.</p>';

/** Errors after which nothing of the report may sit in a public document. */
const DOOR_RULES: ReadonlySet<string> = new Set([
  RULES.encoding,
  RULES.frontMatterInvalid,
  RULES.unmatchedFence,
  RULES.publicGate,
]);

function hasDoorError(messages: readonly Message[]): boolean {
  return messages.some((message) => message.severity === 'error' && DOOR_RULES.has(message.ruleId));
}

function doorRefused(messages: readonly Message[], options: RenderOptions): boolean {
  return options.mode === 'public' && hasDoorError(messages);
}

function exemptRefused(frontMatter: FrontMatter, options: RenderOptions): boolean {
  return (
    options.mode === 'public' &&
    frontMatter.classification.value === 'exempt' &&
    !options.allowExemptAsPublic
  );
}

/** An exempt report never becomes a public document by accident. */
function checkClassification(
  frontMatter: FrontMatter,
  options: RenderOptions,
  messages: Message[],
): void {
  if (options.mode !== 'public' || frontMatter.classification.value !== 'exempt') return;
  const override = options.allowExemptAsPublic ?? false;
  messages.push(
    createMessage(
      RULES.exemptInPublic,
      override
        ? 'This report is classified exempt but is being exported as public (override given); exempt blocks are removed'
        : 'This report is classified exempt; export it with the exempt option, or change its classification',
      frontMatter.classification.place,
      { severity: override ? 'warning' : 'error' },
    ),
  );
}

function finish(messages: readonly Message[]): Message[] {
  const seen = new Set<string>();
  return capMessages(
    sortMessages(messages).filter((message) => {
      const key = `${message.file}:${message.line}:${message.column}:${message.ruleId}:${message.reason}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  );
}

function firstHeading(tree: Root): string | undefined {
  const heading = tree.children.find((node) => node.type === 'heading' && node.depth === 1);
  if (heading?.type !== 'heading') return undefined;
  return (
    heading.children.map((child) => ('value' in child ? child.value : '')).join('') || undefined
  );
}
