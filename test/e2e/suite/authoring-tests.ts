// Data-aware authoring: completion offers the data's ids, hover shows the latest value.
import * as assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { E2EConfig } from '../protocol.js';
import { workspaceRoot } from './exchange.js';
import { waitFor } from '../wait.js';

const PROVIDER_TIMEOUT_MS = 20_000;

/**
 * A report beside the sample, reading the same data through the same front matter, so
 * relative data paths resolve exactly as they do for the sample.
 */
async function openScratch(
  config: E2EConfig,
  name: string,
  body: string,
): Promise<vscode.TextDocument> {
  const path = join(workspaceRoot(), dirname(config.report), name);
  await writeFile(path, `${config.frontMatter}\n${body}`);
  const document = await vscode.workspace.openTextDocument(path);
  await vscode.window.showTextDocument(document);
  return document;
}

/** Position just after the first occurrence of `needle` in the document. */
function after(document: vscode.TextDocument, needle: string): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" not in ${document.fileName}`);
  return document.positionAt(offset + needle.length);
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function insertTextOf(item: vscode.CompletionItem): string {
  const text = item.insertText;
  if (text === undefined) return '';
  return typeof text === 'string' ? text : text.value;
}

/** The spec asks for ids "with title and latest value": a bare word is not enough. */
function describesIndicator(item: vscode.CompletionItem): boolean {
  const documentation = item.documentation;
  const docText =
    documentation === undefined
      ? ''
      : typeof documentation === 'string'
        ? documentation
        : documentation.value;
  const description =
    typeof item.label === 'string' ? '' : (item.label.description ?? item.label.detail ?? '');
  return `${item.detail ?? ''}${docText}${description}`.trim() !== '';
}

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

export function defineAuthoringTests(config: () => E2EConfig): void {
  describe('completion and hover', () => {
    it('offers every indicator id of the data after :value{id=', async () => {
      const document = await openScratch(config(), 'e2e-completion.md', 'Latest: :value{id=}\n');
      const position = after(document, ':value{id=');
      const wanted = config().ids;
      assert.ok(wanted.length > 0, 'the sample data defines no indicators');
      let offered = new Set<string>();
      // The extension may still be loading the data when the document first opens.
      await waitFor(
        async () => {
          const list = await vscode.commands.executeCommand<vscode.CompletionList>(
            'vscode.executeCompletionItemProvider',
            document.uri,
            position,
          );
          // Only items that describe the indicator count: VS Code's own word completion
          // would offer bare ids seen in other open documents.
          offered = new Set(
            list.items
              .filter(describesIndicator)
              .flatMap((item) => [labelOf(item), insertTextOf(item)]),
          );
          return wanted.every((id) => offered.has(id)) ? true : undefined;
        },
        PROVIDER_TIMEOUT_MS,
        'completion items for every id',
      ).catch(() => {
        const absent = wanted.filter((id) => !offered.has(id));
        assert.fail(
          `ids not offered: ${absent.join(', ')}; offered: ${[...offered].slice(0, 40).join(', ')}`,
        );
      });
    });

    it('shows the latest value when hovering an id', async () => {
      const { hoverId, hoverValue } = config();
      const document = await openScratch(
        config(),
        'e2e-hover.md',
        `Latest: :value{id=${hoverId}}\n`,
      );
      // Inside the id, one character in, so the word under the cursor is the id.
      const position = after(document, `:value{id=${hoverId.slice(0, 1)}`);
      let text = '';
      await waitFor(
        async () => {
          const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
            'vscode.executeHoverProvider',
            document.uri,
            position,
          );
          text = hoverText(hovers);
          return text.includes(hoverValue) ? true : undefined;
        },
        PROVIDER_TIMEOUT_MS,
        `a hover showing ${hoverValue}`,
      ).catch(() =>
        assert.fail(`hover on ${hoverId} lacks "${hoverValue}": ${JSON.stringify(text)}`),
      );
    });
  });
}
