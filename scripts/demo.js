// `npm run demo`: exports every sample report to samples/out/. samples/broken.md is the
// fixture that triggers every problem rule, so it is checked, not exported. The DfE sample
// needs the published files (../shared/data/dfe or SCORECARD_DFE_DIR); without them it
// is skipped with a note, so the demo works on any machine.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dfe = process.env.SCORECARD_DFE_DIR ?? join(repo, '..', 'shared', 'data', 'dfe');
const args = ['export', 'samples', '--out-dir', 'samples/out', '--exclude', 'broken.md'];
if (!existsSync(join(dfe, 'c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv'))) {
  console.log(`Note: DfE files not found in ${dfe}; skipping samples/dfe (set SCORECARD_DFE_DIR).`);
  args.push('--exclude', 'haringey-published-statistics.md');
}
const run = spawnSync(process.execPath, [join(repo, 'bin', 'scorecard.js'), ...args], {
  cwd: repo,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
