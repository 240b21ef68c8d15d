#!/usr/bin/env node
// The `cdk-competency` bin: runs the compiled CLI (dist/bin/cli.js), which the package ships.
// In a source checkout, build it first (`npm run build`) or run `npx tsx bin/cli.ts`.
'use strict';
const path = require('path');

const compiled = path.join(__dirname, '..', 'dist', 'bin', 'cli.js');
try {
  require.resolve(compiled);
} catch {
  process.stderr.write(`error: ${compiled} is missing: in a source checkout, run 'npm run build' first (or 'npx tsx bin/cli.ts')\n`);
  process.exit(2);
}
require(compiled);
