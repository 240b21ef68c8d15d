import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ChecklistSelection } from '../../lib/checklist';
import { DiagramRenderer, REPORT_FORMATS } from '../../lib/report';

/** The files of a pack drawn without diagrams (`--no-diagrams`): every format of the registry's but the diagrams'. */
export const PACK_FILES = REPORT_FORMATS.flatMap((f) => f.files([])).sort();

/** "Today" for every report test. */
export const NOW = new Date('2025-06-01T12:00:00Z');

/** The rules the fixtures were written for: pinned so the goldens do not change when the library gains a rule. */
export const PINNED_RULES = [
  'TrailCoversEveryAccount', 'TrailMultiRegion', 'TrailLogFileValidation', 'TrailBucketInAnotherAccount', 'TrailBucketVersioned',
  'SecurityGroupNoOpenIngress', 'BucketBlockPublicAccess', 'BucketNoPublicAcl', 'S3BucketEncrypted',
];

export const NETWORKING_SAAS: ChecklistSelection = { checklist: 'networking', deploymentModel: 'saas', categories: ['network-connectivity'] };

export const ASSEMBLIES = path.join('test', 'fixtures', 'report-assemblies');
export const ATTESTATIONS = path.join('test', 'fixtures', 'attestations');

export function assemblyDir(name: string): string {
  return path.join(ASSEMBLIES, name);
}

export function attestationsFile(name: string): string {
  return path.join(ATTESTATIONS, name);
}

/** A fixed, tiny diagram so that goldens do not depend on the diagram renderer. */
export const FAKE_DIAGRAMS: DiagramRenderer = async (assembly) => {
  const stages = [...new Set(assembly.stacks.map((s) => s.stage || (s.displayName.includes('/') ? s.displayName.slice(0, s.displayName.lastIndexOf('/')) : '')))];
  return stages.map((stage) => ({
    stage,
    svg: `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="400" height="80" viewBox="0 0 400 80"><defs><linearGradient id="g"><stop offset="0" stop-color="#eef"/></linearGradient></defs><rect width="400" height="80" fill="url(#g)" stroke="#232f3e"/><text x="200" y="45" text-anchor="middle" font-family="Helvetica" font-size="16">${stage || 'app'}: ${assembly.stacks.length} stacks</text></svg>\n`,
    png: Buffer.from('89504e470d0a1a0a', 'hex'),
  }));
};

/**
 * Node arguments that run the CLI from this checkout's TypeScript sources (the packaged bin runs only the
 * compiled dist/bin/cli.js; scripts/consumer-test.ts exercises that one).
 */
export const SOURCE_CLI: readonly string[] = ['--import', pathToFileURL(require.resolve('tsx')).href, path.join(__dirname, '..', '..', 'bin', 'cli.ts')];

export function tmpDir(prefix = 'cdk-competency-report-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
