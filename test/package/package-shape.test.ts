import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';

const ROOT = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8'));

describe('package.json: what a consumer installs', () => {
  test('every subpath export has a typesVersions entry naming the same declarations (moduleResolution node)', () => {
    // GIVEN the exports map (read by node16, nodenext and bundler resolution)
    const subpaths = Object.entries(pkg.exports as Record<string, string | { types?: string }>)
      .filter(([k, v]) => k !== '.' && typeof v === 'object' && v.types);
    // THEN node10 resolution, which ignores exports, finds the same .d.ts through typesVersions
    expect(subpaths.length).toBeGreaterThan(0);
    for (const [subpath, target] of subpaths) {
      const key = subpath.replace(/^\.\//, '');
      expect([key, pkg.typesVersions['*'][key]]).toEqual([key, [(target as { types: string }).types.replace(/^\.\//, '')]]);
    }
    expect(pkg.types).toBe((pkg.exports['.'] as { types: string }).types.replace(/^\.\//, ''));
  });

  test('runtime dependencies are libraries the compiled code loads; development tools are not among them', () => {
    for (const tool of ['tsx', 'esbuild', 'typescript', 'jest', '@swc/core', 'aws-cdk', 'aws-cdk-lib', 'constructs']) {
      expect([tool, pkg.dependencies[tool]]).toEqual([tool, undefined]);
    }
    // The CDK itself is the consumer's; the AWS SDK clients only `report --live` loads are optional peers.
    const required = Object.keys(pkg.peerDependencies).filter((p) => !pkg.peerDependenciesMeta?.[p]?.optional);
    expect(required.sort()).toEqual(['aws-cdk-lib', 'constructs']);
    expect(Object.keys(pkg.peerDependencies).filter((p) => !required.includes(p)).every((p) => p.startsWith('@aws-sdk/client-'))).toBe(true);
  });

  test('the bin is plain JavaScript that runs only the compiled CLI, and pack builds first', () => {
    const bin = fs.readFileSync(path.join(ROOT, pkg.bin['cdk-competency']), 'utf-8');
    expect(pkg.bin['cdk-competency']).toMatch(/\.js$/);
    expect(bin).toContain("'dist', 'bin', 'cli.js'");
    expect(bin).not.toMatch(/require\(['"]tsx|require\([^)]*\.ts['"]\)/);
    expect(pkg.scripts.prepack).toBe('npm run build');
  });

  test('the files list ships every construct README, RULES.md and the report schema', () => {
    const readmes = fs.readdirSync(path.join(ROOT, 'constructs')).filter((d) => fs.existsSync(path.join(ROOT, 'constructs', d, 'README.md')));
    expect(readmes.length).toBeGreaterThan(5);
    expect(pkg.files).toEqual(expect.arrayContaining(['dist/', 'README.md', 'RULES.md', 'constructs/*/README.md', 'lib/report/SCHEMA.md', 'lib/report/checklist.schema.json']));
  });

  test('dependency install scripts are reviewed: none runs, and none is left unreviewed', () => {
    // npm 11 warns about every installed package with an install script that allowScripts does not mention.
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf-8'));
    const withScripts = Object.entries(lock.packages as Record<string, { hasInstallScript?: boolean }>)
      .filter(([p, v]) => p && v.hasInstallScript)
      .map(([p]) => p.replace(/^.*node_modules\//, ''));
    expect(withScripts.length).toBeGreaterThan(0);
    for (const name of withScripts) expect([name, pkg.allowScripts[name]]).toEqual([name, false]);
  });
});

describe('cdk.json: the reference app configures every feature flag the CDK CLI would report', () => {
  test('no flag is left unset where aws-cdk-lib\'s unconfigured behaviour differs from its recommendation', () => {
    // GIVEN the flag report the installed aws-cdk-lib writes into every assembly (what `cdk synth` reads)
    const context = JSON.parse(fs.readFileSync(path.join(ROOT, 'cdk.json'), 'utf-8')).context;
    const assembly = new App({ context }).synth();
    type Flag = { userValue?: unknown; recommendedValue?: unknown; unconfiguredBehavesLike?: { v2?: unknown } };
    const report = assembly.manifest.artifacts?.['aws-cdk-lib/feature-flag-report']?.properties as { flags: Record<string, Flag> };
    const flags = Object.entries(report.flags);
    // WHEN the CLI's own test is applied (obsolete flags aside): no user value, and the default is not the recommendation
    const obsolete = ['@aws-cdk/core:enableStackNameDuplicates', '@aws-cdk/aws-s3:grantWriteWithoutAcl', '@aws-cdk/aws-kms:defaultKeyPolicies'];
    const unconfigured = flags
      .filter(([name, f]) => !obsolete.includes(name) && f.userValue === undefined && (f.unconfiguredBehavesLike?.v2 ?? false) !== f.recommendedValue)
      .map(([name]) => name);
    // THEN nothing is left for "N feature flags are not configured"
    expect(flags.length).toBeGreaterThan(50);
    expect(unconfigured).toEqual([]);
  });
});
