// Rewrites (`--update`) or verifies the committed snapshots of every examples/*/integ.*.ts, or only of the
// examples named on the command line (`npm run integ:update -- organization-trail`).
import * as fs from 'fs';
import * as path from 'path';
import { updateIntegSnapshot, verifyIntegSnapshot } from '../examples/integ-snapshots';

const root = path.join(__dirname, '..', 'examples');
const update = process.argv.includes('--update');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
// The snapshots hold what the integ runner compares (templates, manifests); aws-cdk-lib's own CloudFormation
// validation would add a validation report to each, which is not part of the snapshot.
process.env.CDK_VALIDATION = 'false';
let failed = 0;
for (const dir of fs.readdirSync(root).sort()) {
  if (only.length > 0 && !only.includes(dir)) continue;
  const folder = path.join(root, dir);
  if (!fs.statSync(folder).isDirectory()) continue;
  for (const file of fs.readdirSync(folder).filter((f) => /^integ\..*\.ts$/.test(f))) {
    const { build } = require(path.join(folder, file));
    const snapshot = path.join(folder, `${file}.snapshot`);
    if (update) {
      updateIntegSnapshot(build, snapshot);
      console.log(`updated ${path.relative(process.cwd(), snapshot)}`);
    } else {
      const problems = verifyIntegSnapshot(build, snapshot);
      failed += problems.length;
      console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${path.relative(process.cwd(), path.join(folder, file))}${problems.map((p) => `\n     ${p}`).join('')}`);
    }
  }
}
process.exit(failed > 0 ? 1 : 0);
