// Rewrites (`--update`) or verifies the committed snapshots of every examples/*/integ.*.ts.
import * as fs from 'fs';
import * as path from 'path';
import { updateIntegSnapshot, verifyIntegSnapshot } from '../examples/integ-snapshots';

const root = path.join(__dirname, '..', 'examples');
const update = process.argv.includes('--update');
let failed = 0;
for (const dir of fs.readdirSync(root).sort()) {
  const folder = path.join(root, dir);
  if (!fs.statSync(folder).isDirectory()) continue;
  for (const file of fs.readdirSync(folder).filter((f) => /^integ\..*\.ts$/.test(f))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
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
