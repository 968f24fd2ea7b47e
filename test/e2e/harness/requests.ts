// The harness's answers to the suite's ad hoc questions about the preview webview
// (../protocol.ts, HarnessRequest): what it shows, where it is scrolled, and whether
// anything in it could run.
import type { Frame, Page } from 'playwright-core';
import { executableParts } from '../../security/attack-corpus.js';
import type { HarnessRequestFile, HarnessResponse, PreviewKind, SeenAt } from '../protocol.js';
import { waitFor } from '../wait.js';
import { framesWithText, waitForFrameText, webviewTexts } from './webview.js';

/**
 * Run in a preview's frame: notes when `text` first appears in a DOM change. The time is
 * taken as the change is seen, then again in the next animation frame (on screen).
 */
function observeScript(text: string): string {
  return `(() => {
  const text = ${JSON.stringify(text)};
  const state = { text, dom: 0, painted: 0 };
  window.__scorecardSeen = state;
  const hit = (node) => !!node && typeof node.textContent === 'string' && node.textContent.includes(text);
  const observer = new MutationObserver((records) => {
    const now = Date.now();
    const found = records.some((r) => r.type === 'characterData' ? hit(r.target) : [...r.addedNodes].some(hit)) ||
      hit(document.body);
    if (!found) return;
    observer.disconnect();
    state.dom = now;
    requestAnimationFrame(() => { state.painted = Date.now(); });
  });
  observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
  return !!document.getElementById('scorecard-content');
})()`;
}

const SEEN_PROBE = `(() => {
  const s = window.__scorecardSeen;
  return s ? { dom: s.dom, painted: s.painted } : null;
})()`;

/** The frames the last `observe` watches, by preview. */
let observed = new Map<PreviewKind, Frame>();

/**
 * Tripwires, installed in every frame before it loads (page.addInitScript) and again on
 * request in the preview's frame: any attempt to open a dialog or a window, and any
 * script the CSP had to block, is recorded in `window.__scorecardTripped`.
 */
export const TRIPWIRES = `(() => {
  if (window.__scorecardArmed) return;
  window.__scorecardArmed = true;
  window.__scorecardTripped = [];
  const trip = (what) => (...args) => {
    window.__scorecardTripped.push(what + '(' + args.map(String).join(',').slice(0, 80) + ')');
  };
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
    try { window[name] = trip(name); } catch {}
  }
  document.addEventListener('securitypolicyviolation', (event) => {
    if (/^script-src/.test(event.effectiveDirective)) {
      window.__scorecardTripped.push('CSP blocked ' + event.effectiveDirective + ' ' +
        (event.blockedURI || '') + ' ' + (event.sample || ''));
    }
  });
})()`;

/** Run in the preview's frame: what in the rendered content could execute or fetch. */
const INERT_PROBE = `(() => {
  const content = document.getElementById('scorecard-content');
  const findings = [];
  if (!content) return { html: '', findings: ['no #scorecard-content in the frame'], armed: false, tripped: [] };
  const scope = [document.getElementById('scorecard-banner'), content, ...content.querySelectorAll('*')];
  for (const element of scope) {
    if (!element) continue;
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name)) findings.push(element.tagName + ' ' + attribute.name + '=' + attribute.value);
      if (/^\\s*(javascript|vbscript|data:text\\/html)/i.test(attribute.value.replace(/[\\u0000-\\u0020]/g, '')) &&
          /^(href|src|xlink:href|action|formaction|data)$/i.test(attribute.name))
        findings.push(element.tagName + ' ' + attribute.name + '=' + attribute.value);
    }
  }
  for (const element of content.querySelectorAll('script, iframe, object, embed, base, meta, link, form, template, noscript'))
    findings.push('<' + element.tagName.toLowerCase() + '> in the content');
  // VS Code puts its acquireVsCodeApi script ahead of the page's CSP: the only one allowed.
  const scripts = [...document.scripts].filter((s) => !s.nonce && s.id !== '_vscodeApiScript');
  for (const script of scripts) findings.push('script without the nonce: ' + (script.src || script.textContent.slice(0, 60)));
  return {
    html: content.innerHTML,
    findings,
    armed: window.__scorecardArmed === true,
    tripped: window.__scorecardTripped || [],
  };
})()`;

interface InertProbe {
  readonly html: string;
  readonly findings: readonly string[];
  readonly armed: boolean;
  readonly tripped: readonly string[];
}

export interface RequestContext {
  readonly page: Page;
  /** Every dialog any frame of the page opened (the harness dismisses them). */
  readonly dialogs: readonly string[];
  shoot(name: string, frame: Frame): Promise<void>;
}

/**
 * Everything in the preview frame that could run or fetch, any tripwire hit and any
 * dialog: empty when the preview is inert. The tripwires must have been installed.
 */
export async function inertProblems(frame: Frame, dialogs: readonly string[]): Promise<string[]> {
  const probe = (await frame.evaluate(INERT_PROBE)) as InertProbe;
  const problems = [
    ...probe.findings,
    // The security suite's own check, on the markup the webview really holds.
    ...executableParts(probe.html).map((finding) => `executable: ${finding}`),
    ...probe.tripped.map((what) => `tripwire: ${what}`),
    ...dialogs.map((dialog) => `dialog opened: ${dialog}`),
  ];
  if (!probe.armed) problems.push('the tripwires were not installed in the preview frame');
  return problems;
}

async function scrollY(frame: Frame): Promise<number | undefined> {
  try {
    const y: unknown = await frame.evaluate('window.scrollY');
    return typeof y === 'number' ? y : undefined;
  } catch {
    return undefined;
  }
}

/** Frames holding every needle: one per preview, or an explanation of what was found. */
async function observeBoth(
  page: Page,
  needles: readonly string[],
  text: string,
  timeoutMs: number,
): Promise<HarnessResponse> {
  observed = new Map();
  let found = 0;
  try {
    await waitFor(
      async () => {
        const frames = await framesWithText(page, needles);
        found = frames.length;
        return frames.length >= 2 ? frames : undefined;
      },
      timeoutMs,
      'both previews to show the text',
    ).then(async (frames) => {
      for (const frame of frames) {
        const scorecard = (await frame.evaluate(observeScript(text))) as boolean;
        observed.set(scorecard ? 'scorecard' : 'markdown', frame);
      }
    });
  } catch (error) {
    // Which preview lacked the text, and what it showed instead.
    const shown = (await webviewTexts(page)).map((text) => `  [frame] ${text.slice(0, 300)}`);
    return {
      ok: false,
      detail: [
        `${error instanceof Error ? error.message : String(error)}; ${found} frame(s) held the needles`,
        ...shown,
      ].join('\n'),
    };
  }
  return observed.size === 2
    ? { ok: true }
    : { ok: false, detail: `watched ${[...observed.keys()].join(', ')} only` };
}

async function collectBoth(timeoutMs: number): Promise<HarnessResponse> {
  const seen: Partial<Record<PreviewKind, SeenAt>> = {};
  try {
    await waitFor(
      async () => {
        for (const [kind, frame] of observed) {
          if (seen[kind]) continue;
          const at = (await frame.evaluate(SEEN_PROBE).catch(() => null)) as SeenAt | null;
          if (at && at.painted > 0) seen[kind] = at;
        }
        return seen.scorecard && seen.markdown ? true : undefined;
      },
      timeoutMs,
      'both previews to show the edit',
    );
  } catch (error) {
    return {
      ok: false,
      detail: `${error instanceof Error ? error.message : String(error)}; seen: ${JSON.stringify(seen)}`,
    };
  }
  return { ok: true, seen: seen as Record<PreviewKind, SeenAt> };
}

async function answerIn(
  request: HarnessRequestFile,
  context: RequestContext,
): Promise<{ frame: Frame; response: HarnessResponse }> {
  const { page } = context;
  // Polled quickly: the previews' own times are taken inside their frames.
  if (request.kind === 'observe')
    return {
      frame: page.mainFrame(),
      response: await observeBoth(page, request.needles, request.text, request.timeoutMs),
    };
  if (request.kind === 'collect')
    return { frame: page.mainFrame(), response: await collectBoth(request.timeoutMs) };
  const absent =
    request.kind === 'text' || request.kind === 'tag' || request.kind === 'tagged'
      ? (request.absent ?? [])
      : [];
  const frame = await waitForFrameText(page, request.needles, absent, request.timeoutMs);
  switch (request.kind) {
    case 'text':
      return { frame, response: { ok: true } };
    case 'arm':
      await frame.evaluate(TRIPWIRES);
      return { frame, response: { ok: true } };
    case 'scroll': {
      let last: number | undefined;
      const min = request.min ?? -Infinity;
      const max = request.max ?? Infinity;
      try {
        const y = await waitFor(
          async () => {
            last = await scrollY(frame);
            return last !== undefined && last >= min && last <= max ? last : undefined;
          },
          request.timeoutMs,
          `scrollY within [${min}, ${max}]`,
        );
        return { frame, response: { ok: true, scrollY: y } };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return {
          frame,
          response: {
            ok: false,
            detail: `${reason}; last scrollY ${String(last)}`,
            ...(last === undefined ? {} : { scrollY: last }),
          },
        };
      }
    }
    case 'tag': {
      const count = (await frame.evaluate(
        `(window.__scorecardTagged = [...document.querySelectorAll(${JSON.stringify(request.selector)})]).length`,
      )) as number;
      return {
        frame,
        response:
          count > 0
            ? { ok: true, count }
            : { ok: false, detail: `no node matches ${request.selector}` },
      };
    }
    case 'tagged': {
      const held = (await frame.evaluate(
        `(() => { const held = window.__scorecardTagged || []; return { count: held.length, kept: held.filter((n) => n.isConnected).length }; })()`,
      )) as { count: number; kept: number };
      return {
        frame,
        response:
          held.count > 0 && held.kept === held.count
            ? { ok: true, count: held.kept }
            : {
                ok: false,
                detail: `${held.count - held.kept} of ${held.count} held nodes were replaced`,
              },
      };
    }
    case 'inert': {
      const problems = await inertProblems(frame, context.dialogs);
      return {
        frame,
        response:
          problems.length === 0
            ? { ok: true }
            : { ok: false, detail: problems.slice(0, 20).join('\n') },
      };
    }
  }
}

/** Answers one request; never throws (a failure is an `ok: false` answer). */
export async function answerRequest(
  request: HarnessRequestFile,
  context: RequestContext,
): Promise<HarnessResponse> {
  try {
    const { frame, response } = await answerIn(request, context);
    if (response.ok && request.screenshot) await context.shoot(request.screenshot, frame);
    return response;
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
