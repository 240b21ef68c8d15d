/**
 * Registering the pack changes no template: the templates of a partner-style app are byte-identical with and
 * without CompetencyChecks, as they are with and without cdk-nag's AwsSolutionsChecks.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, IPolicyValidationPlugin, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { CompetencyChecks } from '../../lib/packs';
import { tmpDir } from '../report/helpers';
import { partnerApp } from './partner-app';

/** Every template the app writes, by file path relative to the assembly (nested stage assemblies included). */
function templates(register: (app: App) => IPolicyValidationPlugin | undefined): Map<string, string> {
  const outdir = tmpDir('cdk-competency-side-effects-');
  const app = partnerApp(outdir);
  const plugin = register(app);
  if (plugin) Validations.of(app).addPlugins(plugin);
  try {
    app.synth();
  } catch {
    // A plugin that finds errors fails the synth after the assembly is written: the templates are what matters here.
  }
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.template.json')) files.set(path.relative(outdir, p), fs.readFileSync(p, 'utf-8'));
    }
  };
  walk(outdir);
  fs.rmSync(outdir, { recursive: true, force: true });
  return files;
}

describe('the pack writes nothing into partner templates', () => {
  const without = templates(() => undefined);

  test('the app writes its templates (the comparison has something to compare)', () => {
    expect([...without.keys()].sort()).toEqual(['assembly-Prod/ProdNetwork2D2E7D69.template.json', 'assembly-Prod/ProdWorkload64DE181E.template.json'].sort());
  });

  test('AwsSolutionsChecks leaves the templates byte-identical', () => {
    expect(templates(() => new AwsSolutionsChecks())).toEqual(without);
  });

  test('CompetencyChecks leaves the templates byte-identical: no suppression metadata, no acknowledgements of other tools, no W3010 copies', () => {
    // WHEN
    const withPack = templates((app) => new CompetencyChecks(app, { checklist: 'networking', deploymentModel: 'saas', categories: ['network-connectivity'] }));
    const onStage = templates((app) => new CompetencyChecks(app.node.findChild('Prod'), { checklist: 'networking', deploymentModel: 'saas' }));
    // THEN
    expect(withPack).toEqual(without);
    expect(onStage).toEqual(without);
    for (const text of withPack.values()) expect(text).not.toMatch(/cdk_nag|rules_to_suppress|W3010/);
  });

  test('the comparison catches a change: the opt-in writeSuppressionsToCloudFormation copies acknowledgements into the templates', () => {
    // (cdk-nag's aspect is added on the scope given to the pack: the stage, whose stacks it then visits)
    const optIn = templates((app) => new CompetencyChecks(app.node.findChild('Prod'), { checklist: 'networking', deploymentModel: 'saas', writeSuppressionsToCloudFormation: true }));
    expect(optIn).not.toEqual(without);
    expect([...optIn.values()].join('\n')).toMatch(/rules_to_suppress/);
  });

  test('strict mode and recommended: \'error\' change no template either', () => {
    expect(templates((app) => new CompetencyChecks(app, { checklist: 'microsoft-workloads', deploymentModel: 'multi-tenant-saas', strict: true, recommended: 'error' }))).toEqual(without);
  });
});
