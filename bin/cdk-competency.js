#!/usr/bin/env node
// The `cdk-competency` bin. A built package runs the compiled CLI (dist/); a source checkout runs the
// TypeScript entry point through the installed tsx loader.
'use strict';
const fs = require('fs');
const path = require('path');

const compiled = path.join(__dirname, '..', 'dist', 'bin', 'cli.js');
if (fs.existsSync(compiled)) {
  require(compiled);
} else {
  require('tsx/cjs');
  require('./cli.ts');
}
