/**
 * What `bin/scorecard.js` runs (bundled alone as dist/cli-start.js): the CLI bundle
 * beside it, compiled with its code cache (code-cache.ts), which the build's training
 * export writes as it exits.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBundle, writingCodeCache } from './code-cache.js';

const dist = dirname(fileURLToPath(import.meta.url));
runBundle(join(dist, 'cli.cjs'), writingCodeCache());
