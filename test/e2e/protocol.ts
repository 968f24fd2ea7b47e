/**
 * What the harness (plain Node, outside VS Code) and the suite (inside VS Code's
 * extension host) tell each other. They share no process, only the workspace folder,
 * so every exchange is a JSON file under `.e2e/` in it.
 */

/** Folder, relative to the workspace root, that holds every exchange file. */
export const EXCHANGE_DIR = '.e2e';

/** Written by the harness before VS Code starts; the suite's only input. */
export const CONFIG_FILE = 'config.json';
/** Written by the suite when mocha has finished. */
export const RESULT_FILE = 'result.json';
/**
 * Rewritten by the suite as each test starts and ends: the harness gives up early when
 * it stops changing (the extension host died), instead of waiting out the session.
 */
export const PROGRESS_FILE = 'progress.json';

/** One diagnostic the engine reports for the broken sample, as the Problems panel should. */
export interface ExpectedDiagnostic {
  /** File name (no folder): the report or a data file it reads. */
  readonly fileName: string;
  readonly ruleId: string;
  /** 1-based, as the engine counts. */
  readonly line: number;
}

export interface E2EConfig {
  /** Runs only the tests whose titles match (SCORECARD_E2E_GREP), for a targeted run. */
  readonly grep?: string;
  /** Folder the .vsix was installed into: the extension must load from there. */
  readonly extensionsDir: string;
  /** Workspace-relative path of a sample report whose figures resolve. */
  readonly report: string;
  /** Workspace-relative path of the sample that triggers every rule. */
  readonly broken: string;
  readonly expectedDiagnostics: readonly ExpectedDiagnostic[];
  /** Indicator ids the report's data defines: completion must offer each. */
  readonly ids: readonly string[];
  /** Id whose hover is checked, and the formatted latest value the hover must show. */
  readonly hoverId: string;
  readonly hoverValue: string;
  /** Text the suite appends to the report to prove the preview follows edits. */
  readonly edit: string;
  /** The report's front matter, to make a scratch report that reads the same data. */
  readonly frontMatter: string;
  /** Workspace-relative copy of test/security/corpus/attacks.md and its data file. */
  readonly attackReport: string;
  readonly attackData: string;
  /** A new value written into the report's data file on disk, and the figure it gives. */
  readonly dataChange: DataChange;
}

/** One line of a data file replaced on disk; the preview must then show `figure`. */
export interface DataChange {
  /** Workspace-relative data file. */
  readonly file: string;
  /** The whole line as it is, and as the suite writes it. */
  readonly from: string;
  readonly to: string;
  /** The figure the engine renders for `id` after the change (absent from the original render). */
  readonly id: string;
  readonly figure: string;
}

/**
 * Hand-offs during the preview test: the suite opens the preview and waits until the
 * harness (which alone can see inside the webview) has seen the figures, then edits.
 */
export const MARKERS = {
  previewOpened: 'preview-opened.json',
  previewSeen: 'preview-seen.json',
  edited: 'edited.json',
  editSeen: 'edit-seen.json',
} as const;

export type MarkerName = (typeof MARKERS)[keyof typeof MARKERS];

/** A hand-off file; `ok: false` carries why the other side gave up. */
export interface Marker {
  readonly ok: boolean;
  readonly detail?: string;
}

/**
 * Ad hoc questions the suite asks the harness about the webview (which only the
 * harness can see into): the suite writes `request-ID.json`, the harness answers with
 * `response-ID.json`. The webview frame is the one whose text holds every `needles`.
 */
export const REQUEST_PREFIX = 'request-';
export const RESPONSE_PREFIX = 'response-';

export type HarnessRequest =
  /** Wait until the frame's text holds every needle (and none of `absent`). */
  | { readonly kind: 'text'; readonly absent?: readonly string[] }
  /** Wait until the frame's window.scrollY is within [min, max]; answers with it. */
  | { readonly kind: 'scroll'; readonly min?: number; readonly max?: number }
  /** Install the alert/confirm/prompt/open and CSP-violation tripwires in the frame. */
  | { readonly kind: 'arm' }
  /** Check nothing in the frame could run: no on* attributes, no scripts, no tripwire hit, no dialog. */
  | { readonly kind: 'inert' }
  /** Keep hold of the frame's nodes matching `selector` (a chart's SVG): answers with their count. */
  | { readonly kind: 'tag'; readonly selector: string; readonly absent?: readonly string[] }
  /** Check every node held by the last `tag` is still in the frame's document (the same node). */
  | { readonly kind: 'tagged'; readonly absent?: readonly string[] }
  /**
   * In every frame holding the needles (the Scorecard preview and VS Code's own), note the
   * time (`Date.now()`) at which `text` first appears in a DOM change, and the next frame
   * after it. Answers once both previews are watched.
   */
  | { readonly kind: 'observe'; readonly text: string }
  /** Waits until every observed frame saw the `text` of the last `observe`; answers with the times. */
  | { readonly kind: 'collect' };

export type HarnessRequestFile = HarnessRequest & {
  readonly title: string;
  readonly needles: readonly string[];
  readonly timeoutMs: number;
  /** Screenshot name (no extension) the harness saves once the check passed. */
  readonly screenshot?: string;
};

export interface HarnessResponse extends Marker {
  readonly scrollY?: number;
  /** `tag`: how many nodes are held. */
  readonly count?: number;
  /** `collect`: per preview, when the text was in the DOM and when the next frame was drawn. */
  readonly seen?: Readonly<Record<PreviewKind, SeenAt>>;
}

/** The two previews the latency test compares. */
export type PreviewKind = 'scorecard' | 'markdown';

export interface SeenAt {
  /** `Date.now()` in the frame when a DOM change first held the text. */
  readonly dom: number;
  /** `Date.now()` in the animation frame after it: when it was on screen. */
  readonly painted: number;
}

/** Written by the latency test (under the exchange folder); the runner keeps a copy. */
export const LATENCY_FILE = 'latency.json';

/** Keystroke-to-preview latency, one report size. */
export interface LatencyFigures {
  readonly indicators: number;
  /** Milliseconds from the edit to the text painted in each preview, per repetition. */
  readonly scorecardMs: readonly number[];
  readonly markdownMs: readonly number[];
  readonly scorecardMedianMs: number;
  readonly markdownMedianMs: number;
  /** Scorecard median over VS Code's; the target is at most 1. */
  readonly ratio: number;
  /**
   * The same up to the DOM change alone (before the next frame). Both webviews may share
   * one renderer thread, so one's paint can wait for the other's work; this cannot.
   */
  readonly scorecardDomMs: readonly number[];
  readonly markdownDomMs: readonly number[];
  readonly scorecardDomMedianMs: number;
  readonly markdownDomMedianMs: number;
  readonly domRatio: number;
  /** Milliseconds from the edit to the Scorecard render posted to its webview (the extension host's share). */
  readonly scorecardHostMs: readonly number[];
}

export interface LatencyResults {
  readonly measuredAt: string;
  readonly vscodeVersion: string;
  /** The machine's 1-minute load average and core count when the measure ended. */
  readonly loadAverage?: number;
  readonly cores?: number;
  readonly sizes: readonly LatencyFigures[];
}

export interface TestOutcome {
  readonly title: string;
  readonly state: 'passed' | 'failed';
  readonly error?: string;
  readonly durationMs?: number;
}

export interface SuiteResult {
  readonly passed: number;
  readonly failed: number;
  readonly tests: readonly TestOutcome[];
  /** Set when the suite could not even start (a missing config, a crash). */
  readonly fatal?: string;
}
