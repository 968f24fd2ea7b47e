/**
 * The host's half of keeping the preview page in step: which blocks the page holds, and
 * what to post it after each render. The page's HTML is written once per panel and every
 * content arrives as a message. VS Code swaps a webview's page for a new one only once the
 * new one has loaded, and a page that loads slowly (a busy machine) can leave a second
 * `webview.html` stuck loading behind the first, with every message queued for it: the
 * preview then showed "Rendering…" for good. With one page per panel that cannot happen.
 */
import { planBlocks, type KeyedBlock } from './block-patch-plan.js';
import type { ToPreview } from './preview-protocol.js';

export type BlocksMessage = Extract<ToPreview, { type: 'blocks' }>;

/** What the page must show: the newest render's blocks and the banner above them. */
export interface PageContent {
  readonly blocks: readonly KeyedBlock[];
  readonly banner: string;
}

/** A message to post, and whether it fills a page that held nothing (it then scrolls). */
export interface PageUpdate {
  readonly message: BlocksMessage;
  readonly fills: boolean;
}

export class PageSync {
  /** Until its script says so, a page cannot hear: a message would be lost. */
  private ready = false;
  /** The blocks the page was last sent, and that message's number. */
  private held: { readonly seq: number; readonly blocks: readonly KeyedBlock[] } | undefined;
  private seq = 0;

  /** The page's HTML was (re)written: it holds nothing and cannot hear yet. */
  loading(): void {
    this.ready = false;
    this.held = undefined;
  }

  /**
   * The page's script runs: a new page, or one VS Code made again after it was hidden.
   * Either holds only its HTML, so it gets the whole content (when there is one yet).
   */
  pageReady(content: PageContent | undefined): PageUpdate | undefined {
    this.ready = true;
    this.held = undefined;
    return content && this.next(content);
  }

  /** A render finished: what to post, or nothing while the page cannot hear. */
  rendered(content: PageContent): PageUpdate | undefined {
    return this.ready ? this.next(content) : undefined;
  }

  /** The page refused a patch that did not fit what it holds: send it everything. */
  resync(content: PageContent | undefined): PageUpdate | undefined {
    this.held = undefined;
    return this.ready && content ? { ...this.next(content), fills: false } : undefined;
  }

  /** Message `seq` did not reach the page (it was hidden): the next one must be whole. */
  undelivered(seq: number): void {
    if (this.held?.seq === seq) this.held = undefined;
  }

  private next(content: PageContent): PageUpdate {
    const held = this.held;
    const seq = ++this.seq;
    this.held = { seq, blocks: content.blocks };
    return {
      message: {
        type: 'blocks',
        base: held ? held.seq : null,
        seq,
        blocks: planBlocks(held?.blocks, content.blocks),
        banner: content.banner,
      },
      fills: held === undefined,
    };
  }
}
