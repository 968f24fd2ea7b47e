// The packaged extension is installed (not loaded from the source tree) and activates.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { E2EConfig } from '../protocol.js';

/** publisher.name from package.json: the .vsix installed by the harness. */
export const EXTENSION_ID = 'scorecard-md.scorecard-md';

export const COMMANDS = [
  'scorecard.openPreviewToSide',
  'scorecard.exportPublic',
  'scorecard.exportExempt',
  'scorecard.exportWordPublic',
  'scorecard.exportWordExempt',
  'scorecard.compareWithLastExport',
  'scorecard.compareWithGitRevision',
  'scorecard.checkReport',
] as const;

export function defineExtensionTests(config: () => E2EConfig): void {
  describe('packaged extension', () => {
    it('is installed from the .vsix and activates', async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is not installed`);
      // Proves the packaging: the code running is the .vsix's, not the source tree's.
      assert.ok(
        extension.extensionPath.startsWith(config().extensionsDir),
        `${extension.extensionPath} is not under ${config().extensionsDir}`,
      );
      await extension.activate();
      assert.equal(extension.isActive, true);
    });

    it('registers its commands', async () => {
      const all = new Set(await vscode.commands.getCommands(true));
      for (const command of COMMANDS) assert.ok(all.has(command), `missing command ${command}`);
    });
  });
}
