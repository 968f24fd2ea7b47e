#!/usr/bin/env node
// The bundled CLI; `npm install` builds it through the `prepare` script.
import '../dist/cli.js';
