/**
 * Extension activation, measured outside VS Code: the bundle `dist/extension.cjs` is
 * required in plain Node with a stub `vscode` module (a Proxy that answers every
 * property and call), then `activate(context)` is called with a fake context. Prints
 * `{ loadMs, activateMs }`: loading the bundle is part of what VS Code waits for.
 * Run in a fresh process each time, so nothing is warm.
 */
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const bundle = process.argv[2] ?? fileURLToPath(new URL('../dist/extension.cjs', import.meta.url));

/**
 * Any property is another stub (or what was assigned to it); a call returns a stub, and
 * `get(key, fallback)` the fallback, as settings do.
 */
function stub(name: string): unknown {
  const target = function () {} as unknown as object;
  const assigned = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    set(_, property, value) {
      assigned.set(property, value);
      return true;
    },
    get(_, property) {
      if (assigned.has(property)) return assigned.get(property);
      if (property === 'then') return undefined;
      if (property === Symbol.toPrimitive) return () => name;
      if (property === Symbol.iterator) return function* () {};
      return stub(`${name}.${String(property)}`);
    },
    apply(_, __, args: unknown[]) {
      return name.endsWith('.get') && args.length > 1 ? args[1] : stub(`${name}()`);
    },
    construct() {
      return stub(`new ${name}`) as object;
    },
  });
}

/**
 * The bundle copies the module's own names (esbuild's ESM interop), so the stub module
 * is an object holding every top-level name the VS Code API declares.
 */
function vscodeModule(): Record<string, unknown> {
  const declarations = readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  const names = new Set(
    [...declarations.matchAll(/^\t?export (?:namespace|class|enum|const|function) (\w+)/gm)].map(
      (match) => match[1] ?? '',
    ),
  );
  return Object.fromEntries([...names].map((name) => [name, stub(`vscode.${name}`)]));
}

const loader = Module as unknown as {
  _resolveFilename: (request: string, ...rest: unknown[]) => string;
};
const resolveFilename = loader._resolveFilename;
loader._resolveFilename = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? 'vscode' : resolveFilename.call(this, request, ...rest);
};
require.cache['vscode'] = {
  id: 'vscode',
  filename: 'vscode',
  loaded: true,
  exports: vscodeModule(),
} as unknown as NodeJS.Module;

const context = {
  subscriptions: [] as unknown[],
  extensionUri: stub('extensionUri'),
  extensionPath: fileURLToPath(new URL('..', import.meta.url)),
  globalState: stub('globalState'),
  workspaceState: stub('workspaceState'),
  asAbsolutePath: (path: string) => path,
};

const start = performance.now();
const extension = require(bundle) as { activate(context: unknown): unknown };
const loaded = performance.now();
extension.activate(context);
const activated = performance.now();
process.stdout.write(
  JSON.stringify({ loadMs: loaded - start, activateMs: activated - loaded }) + '\n',
);
