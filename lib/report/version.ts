import * as fs from 'fs';
import * as path from 'path';

/** This library's package.json, found from the source tree, the compiled `dist/` or the one-file CLI bundle. */
const OWN = findOwnPackage(__dirname);

/** This library's version, from its package.json. */
export const TOOL_VERSION: string = OWN?.version ?? '0.0.0';

/** The directory of this library's package.json; `undefined` when the code runs outside it (bundled into an application). */
export const PACKAGE_DIR: string | undefined = OWN?.dir;

function findOwnPackage(from: string): { readonly dir: string; readonly version: string } | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf-8')) as { name?: string; version?: string };
      if (pkg.name === 'cdk-competency' && pkg.version) return { dir, version: pkg.version };
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}
