/**
 * What `bin/scorecard.js` runs (bundled alone as dist/cli-start.js): the CLI bundle
 * beside it, compiled with its code cache (code-cache.ts). The build sets
 * SCORECARD_WRITE_CODE_CACHE on its training export to write the cache.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBundle } from './code-cache.js';

const dist = dirname(fileURLToPath(import.meta.url));
runBundle(join(dist, 'cli.cjs'), process.env['SCORECARD_WRITE_CODE_CACHE'] === '1');
