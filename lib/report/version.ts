import * as fs from 'fs';
import * as path from 'path';

/** This library's version, from its package.json (found from the source tree or from the compiled `dist/`). */
export const TOOL_VERSION: string = findVersion(__dirname);

function findVersion(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf-8')) as { name?: string; version?: string };
      if (pkg.name === 'cdk-competency' && pkg.version) return pkg.version;
    }
    if (path.dirname(dir) === dir) return '0.0.0';
  }
}
