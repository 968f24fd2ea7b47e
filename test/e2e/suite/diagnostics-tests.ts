// Opening the broken sample fills the Problems panel with every rule the engine finds,
// at the engine's lines, with the rule id as the diagnostic's code.
import * as assert from 'node:assert/strict';
import { basename, join } from 'node:path';
import * as vscode from 'vscode';
import type { E2EConfig, ExpectedDiagnostic } from '../protocol.js';
import { workspaceRoot } from './exchange.js';
import { waitFor } from '../wait.js';

const DIAGNOSTICS_TIMEOUT_MS = 30_000;

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

function key(fileName: string, ruleId: string, line: number): string {
  return `${fileName}:${line} ${ruleId}`;
}

/** Everything in the Problems panel, keyed like the expectations (file name, 1-based line). */
function problemKeys(): Set<string> {
  const keys = new Set<string>();
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    for (const diagnostic of diagnostics) {
      keys.add(key(basename(uri.fsPath), codeOf(diagnostic), diagnostic.range.start.line + 1));
    }
  }
  return keys;
}

function missing(expected: readonly ExpectedDiagnostic[]): string[] {
  const present = problemKeys();
  return expected
    .map((e) => key(e.fileName, e.ruleId, e.line))
    .filter((wanted) => !present.has(wanted));
}

export function defineDiagnosticsTests(config: () => E2EConfig): void {
  describe('Problems panel', () => {
    it('lists every rule the engine finds in the broken sample, with the rule id as code', async () => {
      const { broken, expectedDiagnostics } = config();
      assert.ok(
        expectedDiagnostics.length > 0,
        'the engine found nothing wrong in the broken sample',
      );
      const document = await vscode.workspace.openTextDocument(join(workspaceRoot(), broken));
      await vscode.window.showTextDocument(document);
      let lastMissing: string[] = [];
      try {
        await waitFor(
          () => {
            lastMissing = missing(expectedDiagnostics);
            return lastMissing.length === 0 ? true : undefined;
          },
          DIAGNOSTICS_TIMEOUT_MS,
          'the expected diagnostics',
        );
      } catch {
        assert.fail(
          `missing from the Problems panel: ${lastMissing.join('; ')}\npresent: ${[...problemKeys()].join('; ')}`,
        );
      }
    });
  });
}
