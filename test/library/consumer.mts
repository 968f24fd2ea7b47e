// A script using the engine as a library, type-checked by test/library-entry.test.ts after
// `npm run build`. The `.mts` extension keeps it out of `npm run typecheck`, which runs
// before the build writes the declarations this file needs.
import {
  createEngine,
  createMemoryHost,
  type Message,
  type RenderResult,
} from 'scorecard-md/engine';

const host = createMemoryHost({ '/reports/data.yaml': 'indicators: []\n' });
const engine = createEngine({ host, allowedRoots: ['/reports'] });
const result: RenderResult = await engine.render('# Title\n', { path: '/reports/report.md' });
const messages: readonly Message[] = result.messages;
export const lines: string[] = messages.map((message) => `${message.line}:${message.column}`);

// The declarations are real types, not `any`: a wrong option is an error.
// @ts-expect-error allowedRoots is a list of folders
createEngine({ allowedRoots: 3 });
// @ts-expect-error render needs the report's path
void engine.render('# Title\n', {});
