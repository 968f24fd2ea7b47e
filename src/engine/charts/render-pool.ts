/**
 * Renders charts in worker threads, so a report's charts use every core instead of
 * queueing on the thread that also parses and resolves the report. The workers start on
 * the first chart (so `check` and the extension's activation never pay for them), hold no
 * handle open while idle (so a CLI run ends when its work does), and stop after a while
 * without work. If a worker cannot start or dies, its charts and every later one are
 * rendered in this thread instead: the same Vega code, so the same SVG.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TopLevelSpec } from 'vega-lite';
import type { SvgJson } from './draw-chart.js';

export interface RenderRequest {
  readonly id: number;
  readonly spec: TopLevelSpec;
}

export type RenderReply =
  | { readonly id: number; readonly drawing: SvgJson }
  | {
      readonly id: number;
      /** The message of what the render threw. */
      readonly failure: string;
      /** Whether it threw an Error (rebuilt as one) or some other value (given as text). */
      readonly isError: boolean;
    };

/** Draws a chart in this thread. */
export type RenderHere = (spec: TopLevelSpec) => Promise<SvgJson>;

/** Idle workers hold a copy of Vega each (tens of megabytes); stop them after a while. */
const IDLE_MS = 30_000;

interface Job {
  readonly id: number;
  readonly spec: TopLevelSpec;
  readonly resolve: (drawing: SvgJson) => void;
  readonly reject: (reason: unknown) => void;
}

interface Slot {
  readonly worker: Worker;
  readonly jobs: Map<number, Job>;
}

/**
 * The worker script beside this module: `render-worker.js` next to the library's bundle,
 * `render-worker.cjs` next to the CommonJS ones, `render-worker.ts` when run unbundled.
 * A host may name another (`chartWorkerScript`).
 */
export function defaultWorkerUrl(): URL {
  const here = import.meta.url;
  const ext = here.endsWith('.ts') ? '.ts' : here.endsWith('.cjs') ? '.cjs' : '.js';
  return new URL(`./render-worker${ext}`, here);
}

export class RenderPool {
  private readonly workerUrl: URL;
  private slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private failed = false;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  /** `size` workers (0: every chart in this thread), started from `workerUrl` when first needed. */
  constructor(
    private readonly size: number,
    private readonly renderHere: RenderHere,
    workerUrl?: URL,
  ) {
    this.workerUrl = workerUrl ?? defaultWorkerUrl();
  }

  /** Whether charts go to workers (false once a worker failed, and then for good). */
  get usesWorkers(): boolean {
    return !this.failed && this.size > 0;
  }

  /** Workers started and not stopped. */
  get running(): number {
    return this.slots.length;
  }

  render(spec: TopLevelSpec): Promise<SvgJson> {
    if (!this.usesWorkers) return this.renderHere(spec);
    return new Promise<SvgJson>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, spec, resolve, reject });
      this.pump();
    });
  }

  /**
   * Starts the workers now rather than on the first chart, so loading Vega in them
   * overlaps with reading and parsing the report. They hold nothing open while idle.
   */
  prestart(): void {
    if (!this.usesWorkers || this.slots.length > 0) return;
    this.pump();
  }

  /** Stops the workers; charts asked for later start new ones. */
  close(): void {
    this.clearIdle();
    const slots = this.slots;
    this.slots = [];
    for (const slot of slots) {
      slot.worker.removeAllListeners();
      // A worker stopped while starting may still report its failure.
      slot.worker.on('error', () => undefined);
      void slot.worker.terminate();
      this.inThread([...slot.jobs.values()]);
    }
  }

  private pump(): void {
    this.clearIdle();
    if (this.slots.length === 0) this.start();
    // Dealt one at a time to the worker with least in hand, so the charts of a long
    // report spread evenly, and all are posted at once: this thread may then be busy
    // for a second parsing and resolving, and the workers must not run dry meanwhile.
    while (this.queue.length > 0 && this.slots.length > 0) {
      const slot = this.slots.reduce((least, each) =>
        each.jobs.size < least.jobs.size ? each : least,
      );
      const job = this.queue.shift()!;
      slot.jobs.set(job.id, job);
      try {
        slot.worker.postMessage({ id: job.id, spec: job.spec } satisfies RenderRequest);
      } catch {
        // A spec that cannot be copied to another thread is rendered in this one.
        slot.jobs.delete(job.id);
        this.inThread([job]);
      }
    }
    for (const slot of this.slots) {
      // A worker with work keeps the process alive until it answers; an idle one does not.
      if (slot.jobs.size > 0) slot.worker.ref();
      else slot.worker.unref();
    }
    if (this.failed) this.inThread(this.queue.splice(0));
    else if (this.queue.length === 0 && this.slots.every((slot) => slot.jobs.size === 0)) {
      this.idleTimer = setTimeout(() => this.close(), IDLE_MS);
      this.idleTimer.unref();
    }
  }

  private start(): void {
    try {
      for (let i = 0; i < this.size; i++) {
        const worker = this.workerUrl.pathname.endsWith('.ts')
          ? typeScriptWorker(this.workerUrl)
          : // A bundle needs no flags, and an editor's own flags may not suit a worker.
            new Worker(this.workerUrl, { execArgv: [] });
        const slot: Slot = { worker, jobs: new Map() };
        worker.on('message', (reply: RenderReply) => this.answer(slot, reply));
        worker.on('error', () => this.fail());
        worker.on('messageerror', () => this.fail());
        worker.on('exit', () => this.fail());
        this.slots.push(slot);
      }
    } catch {
      this.fail();
    }
  }

  private answer(slot: Slot, reply: RenderReply): void {
    const job = slot.jobs.get(reply.id);
    if (!job) return;
    slot.jobs.delete(reply.id);
    if ('drawing' in reply) job.resolve(reply.drawing);
    else job.reject(reply.isError ? new Error(reply.failure) : reply.failure);
    this.pump();
  }

  /** A worker could not start, or stopped: this thread takes over every chart left. */
  private fail(): void {
    this.failed = true;
    this.close();
    this.inThread(this.queue.splice(0));
  }

  private inThread(jobs: readonly Job[]): void {
    for (const job of jobs) this.renderHere(job.spec).then(job.resolve, job.reject);
  }

  private clearIdle(): void {
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }
}

/**
 * Unbundled (tests, benches), the worker is TypeScript, and tsx's loader does not reach
 * worker threads by itself (privatenumber/tsx#354): the worker loads its entry through
 * tsx's ESM API, located through tsx's own exports map.
 */
function typeScriptWorker(entry: URL): Worker {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  const api = exports['./esm/api']?.import.default;
  if (api === undefined) throw new Error('tsx has no ESM API');
  const url = JSON.stringify(new URL(api, pathToFileURL(manifest)).href);
  const href = JSON.stringify(entry.href);
  return new Worker(`import(${url}).then((tsx) => tsx.tsImport(${href}, ${href}));`, {
    eval: true,
  });
}
