#!/usr/bin/env node
/** Entry point of the `cdk-competency` CLI: all logic lives in lib/report/cli. */
import { main } from '../lib/report/cli/main';

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
