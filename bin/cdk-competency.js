#!/usr/bin/env node
// The `cdk-competency` bin: registers the installed tsx loader and runs the TypeScript entry point.
'use strict';
require('tsx/cjs');
require('./cli.ts');
