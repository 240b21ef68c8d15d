#!/usr/bin/env node
/** Entry point of the `cdk-competency` CLI: all logic lives in lib/report/cli. */
import { setFlagsFromString } from 'node:v8';
import { main } from '../lib/report/cli/main';

// Graphviz (WebAssembly) lays out each diagram once: V8's baseline compiler alone costs a third of the CPU time that
// compiling and then tiering up to the optimizing compiler does for a run this short (bench/cold-start.ts).
setFlagsFromString('--liftoff-only');

main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTTY: !!process.stderr.isTTY,
  stdoutIsTTY: !!process.stdout.isTTY,
  env: process.env,
}).then((code) => {
  process.exitCode = code;
}, (e) => {
  process.stderr.write(`error: ${(e as Error)?.message ?? String(e)}\n`);
  process.exitCode = 2;
});
