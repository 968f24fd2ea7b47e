import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../', import.meta.url));
const INJECTION = 'scorecard.directives.injection';
/** A stand-in for VS Code's Markdown grammar: only the injection is under test. */
const HOST = {
  scopeName: 'text.html.markdown',
  patterns: [{ begin: '^```', end: '^```', name: 'markup.fenced_code.block.markdown' }],
};

async function markdownGrammar(): Promise<textmate.IGrammar> {
  const wasm = await readFile(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(
    wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer,
  );
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName === HOST.scopeName)
        return textmate.parseRawGrammar(JSON.stringify(HOST), 'host.json');
      if (scopeName === INJECTION) {
        const file = `${root}syntaxes/scorecard-directives.tmLanguage.json`;
        return textmate.parseRawGrammar(await readFile(file, 'utf8'), file);
      }
      return null;
    },
    getInjections: (scopeName) => (scopeName === HOST.scopeName ? [INJECTION] : undefined),
  });
  const grammar = await registry.loadGrammar(HOST.scopeName);
  assert.ok(grammar);
  return grammar;
}

/** `[text, last scope]` for every token of every line, with plain text dropped. */
function tokenize(grammar: textmate.IGrammar, text: string): Array<[string, string]> {
  let state = textmate.INITIAL;
  const out: Array<[string, string]> = [];
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) {
      const scope = token.scopes.at(-1) ?? '';
      if (scope.endsWith('.scorecard') || scope.includes('fenced_code')) {
        out.push([line.slice(token.startIndex, token.endIndex), scope]);
      }
    }
    state = result.ruleStack;
  }
  return out;
}

describe('directive grammar', () => {
  let grammar: textmate.IGrammar;
  before(async () => {
    grammar = await markdownGrammar();
  });

  it('highlights inline directives and their attributes', () => {
    assert.deepEqual(tokenize(grammar, 'At :value{id=OP148 vs="London"} now'), [
      [':', 'punctuation.definition.directive.text.scorecard'],
      ['value', 'entity.name.function.directive.scorecard'],
      ['{', 'punctuation.definition.attributes.begin.scorecard'],
      ['id', 'entity.other.attribute-name.scorecard'],
      ['=', 'punctuation.separator.key-value.scorecard'],
      ['OP148', 'string.unquoted.scorecard'],
      [' ', 'meta.attributes.scorecard'],
      ['vs', 'entity.other.attribute-name.scorecard'],
      ['=', 'punctuation.separator.key-value.scorecard'],
      ['"', 'punctuation.definition.string.begin.scorecard'],
      ['London', 'string.quoted.double.scorecard'],
      ['"', 'punctuation.definition.string.end.scorecard'],
      ['}', 'punctuation.definition.attributes.end.scorecard'],
    ]);
  });

  it('highlights leaf directives and container fences, labels included', () => {
    const tokens = tokenize(grammar, '::chart[Trend]{id=OP148}\n:::indicator{id=OP148}\ntext\n:::');
    assert.deepEqual(
      tokens.filter(([, scope]) => /directive\.|string\.other\.label|attribute-name/.test(scope)),
      [
        ['::', 'punctuation.definition.directive.leaf.scorecard'],
        ['chart', 'entity.name.function.directive.scorecard'],
        ['Trend', 'string.other.label.scorecard'],
        ['id', 'entity.other.attribute-name.scorecard'],
        [':::', 'punctuation.definition.directive.container.scorecard'],
        ['indicator', 'entity.name.function.directive.scorecard'],
        ['id', 'entity.other.attribute-name.scorecard'],
        [':::', 'punctuation.definition.directive.container.scorecard'],
      ],
    );
  });

  it('leaves times, URLs, prose colons and code alone', () => {
    assert.deepEqual(tokenize(grammar, 'At 10:30, see https://x.org/a:b and Note:value here'), []);
    assert.deepEqual(
      tokenize(grammar, '```\n:value{id=OP148}\n```').filter(([, s]) => s.endsWith('.scorecard')),
      [],
    );
  });
});
