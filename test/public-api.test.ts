import { spawnSync } from 'child_process';
import * as path from 'path';
import * as constructs from '../constructs';
import * as api from '../lib';
import * as report from '../lib/report';
import * as testing from '../lib/testing';

describe('public API', () => {
  test('lib/index exports the checklist, the packs and the rules; the report has its own entry', () => {
    expect(api.TECHNICAL_ITEMS).toHaveLength(40);
    expect(typeof api.CompetencyChecks).toBe('function');
    expect(api.ALL_RULES.length).toBe(api.RULES_BY_NAME.size);
    expect(api.TAGS.DATA_CLASSIFICATION).toBe('DataClassification');
    expect('generateEvidencePack' in api).toBe(false);
    expect(typeof report.generateEvidencePack).toBe('function');
    expect(typeof report.loadAssembly).toBe('function');
  });

  test('constructs/index exports every construct', () => {
    expect(Object.keys(constructs)).toEqual(expect.arrayContaining([
      'MultiAzVpc', 'NetworkApplianceGroup', 'AuditLogBucket', 'OrganizationTrail', 'CrossAccountBackup',
      'BackupDestinationVault', 'RuntimeControls', 'AccountBaseline', 'BaselineStackSet', 'CentralLogDestination', 'CentralLogShipping',
    ]));
  });

  test('the testing entry exports the helpers', () => {
    expect(Object.keys(testing)).toEqual(expect.arrayContaining([
      'assertCompetencyCompliant', 'competencyMatchers', 'competencySnapshotSerializer', 'normalizeTemplate',
    ]));
  });

  /** The modules of this repository and of the heavy dependencies that loading `entry` (TypeScript, via tsx) brings in. */
  function loadedBy(entry: string): string[] {
    const root = path.join(__dirname, '..');
    const script = `require(${JSON.stringify(path.join(root, entry))}); process.stdout.write(JSON.stringify(Object.keys(require.cache)))`;
    const r = spawnSync(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', script], { cwd: root, encoding: 'utf-8' });
    expect(r.stderr).toBe('');
    return (JSON.parse(r.stdout) as string[]).map((f) => path.relative(root, f));
  }

  test('cold start: what a synth loads (the root entry) leaves out the report, the diagrams and cdk-nag\'s own packs', () => {
    const loaded = loadedBy('lib/index.ts');
    expect(loaded).toContainEqual(expect.stringMatching(/^lib\/packs\/competency-checks\.ts$/));
    expect(loaded.filter((f) => /^lib\/report\/|node_modules\/(yaml|@viz-js|@resvg|aws-icons)\/|node_modules\/cdk-nag\/lib\/(packs|rules)\//.test(f))).toEqual([]);
  });

  test('cold start: the CLI loads the report engine, the YAML parser and the diagrams only when a command needs them', () => {
    const loaded = loadedBy('lib/report/cli/main.ts');
    expect(loaded.filter((f) => /^lib\/(rules\/|packs\/|report\/(collect\/index|diagram\/|render\/))|node_modules\/(yaml|@viz-js|@resvg|aws-icons|cdk-nag)\//.test(f))).toEqual([]);
  });
});
