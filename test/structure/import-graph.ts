/**
 * The import graph of our own modules, as `madge` reads it (TypeScript resolution with the repository's tsconfig;
 * `import type`, re-exports and dynamic `import()` are edges like any import).
 */
import * as path from 'path';

/** What a madge run gives back (the part of its API we read). */
interface MadgeResult {
  /** Module → the modules it imports, paths relative to `baseDir`. */
  obj(): Record<string, string[]>;
  /** Every import loop, each as the modules along it. */
  circular(): string[][];
  /** Imports that could not be resolved. */
  warnings(): { skipped: string[] };
}
type Madge = (paths: string[], config: object) => Promise<MadgeResult>;
// madge ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const madge: Madge = require('madge');

export const REPO_ROOT = path.join(__dirname, '..', '..');

/** The folders holding our modules: everything but dependencies and build or synth outputs. */
export const SOURCE_DIRS = ['bin', 'lib', 'constructs', 'examples', 'scripts', 'bench', 'test'];

export interface ImportGraph {
  /** Module → the modules it imports, `/`-separated paths relative to the base directory. */
  readonly imports: Readonly<Record<string, readonly string[]>>;
  /** Every import loop, as the modules along it. */
  readonly loops: readonly (readonly string[])[];
  /** Imports that could not be resolved (a loop through them would go unseen). */
  readonly unresolved: readonly string[];
}

/** Reads the import graph of the `.ts` and `.js` modules under `dirs` (relative to `baseDir`). */
export async function importGraph(baseDir: string = REPO_ROOT, dirs: readonly string[] = SOURCE_DIRS, tsConfig = path.join(REPO_ROOT, 'tsconfig.json')): Promise<ImportGraph> {
  const result = await madge(dirs.map((d) => path.join(baseDir, d)), {
    baseDir,
    fileExtensions: ['ts', 'js'],
    tsConfig,
    excludeRegExp: [/node_modules/, /\.snapshot\//, /(^|\/)cdk\.out\//, /(^|\/)dist\//, /(^|\/)evidence\//, /\.d\.ts$/],
    // The TypeScript parser would warn (DeprecationWarning) for every `import('...')` type it reads.
    detectiveOptions: { ts: { suppressDeprecatedPropertyWarnings: true } },
  });
  return { imports: result.obj(), loops: result.circular(), unresolved: result.warnings().skipped };
}
