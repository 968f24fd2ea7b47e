#!/usr/bin/env node
// The bundled CLI, compiled with its code cache (src/cli/start.ts); `npm install` builds both
// through the `prepare` script.
import '../dist/cli-start.js';
