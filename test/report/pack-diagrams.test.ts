/**
 * The diagrams in the evidence pack: the overview of a whole app opens checklist.html, every picture's Graphviz
 * source is written next to it, and the numbered flows read the same under the pictures, in the HTML report and in
 * the deployment guide. Account names come from the app's cdk.json, `accountNames` or `--account-names`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DiagramContext, DiagramRenderer, generateEvidencePack } from '../../lib/report';
import { main } from '../../lib/report/cli/main';
import { assemblyDir, NETWORKING_SAAS, NOW, PINNED_RULES, tmpDir } from './helpers';

const svg = (label: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="20">${label}</text></svg>\n`;

/** A renderer that records what it was given and returns an overview and a stage diagram, with their sources. */
function recording(): { renderer: DiagramRenderer; contexts: DiagramContext[] } {
  const contexts: DiagramContext[] = [];
  const renderer: DiagramRenderer = async (_assembly, context) => {
    contexts.push(context);
    return [
      { stage: '', kind: 'overview', svg: svg('overview'), png: Buffer.from('89504e470d0a1a0a', 'hex'), dot: 'digraph overview {}\n', steps: ['1a'] },
      { stage: 'Prod', svg: svg('Prod'), png: Buffer.from('89504e470d0a1a0a', 'hex'), dot: 'digraph prod {}\n' },
    ];
  };
  return { renderer, contexts };
}

/** The multi-account fixture in an app directory with a cdk.json naming its accounts by role. */
function appWithCdkJson(): string {
  const app = tmpDir('cdk-competency-app-');
  fs.cpSync(assemblyDir('multi-account'), path.join(app, 'cdk.out'), { recursive: true });
  fs.writeFileSync(path.join(app, 'cdk.json'), JSON.stringify({ app: 'npx tsx bin/app.ts', context: { 'partner:accounts': { managementAccount: '111111111111', auditAccount: '222222222222' } } }));
  return path.join(app, 'cdk.out');
}

describe('the evidence pack\'s diagrams', () => {
  test('the overview and each stage\'s diagram are written as SVG, PNG and Graphviz source; the overview opens checklist.html', async () => {
    // GIVEN
    const { renderer } = recording();
    const out = path.join(tmpDir(), 'evidence');
    // WHEN
    const pack = await generateEvidencePack({ assemblyDir: assemblyDir('multi-account'), selection: NETWORKING_SAAS, outDir: out, now: NOW, rules: PINNED_RULES, diagrams: renderer });
    // THEN
    expect(pack.files.filter((f) => f.startsWith('diagrams/'))).toEqual([
      'diagrams/Prod.dot', 'diagrams/Prod.png', 'diagrams/Prod.svg', 'diagrams/overview.dot', 'diagrams/overview.png', 'diagrams/overview.svg',
    ]);
    expect(fs.readFileSync(path.join(out, 'diagrams', 'overview.dot'), 'utf-8')).toBe('digraph overview {}\n');
    expect(pack.report.diagrams).toEqual([
      { stage: '', kind: 'overview', title: 'Overview: accounts, stacks and the flows between them', svgFile: 'diagrams/overview.svg', pngFile: 'diagrams/overview.png', dotFile: 'diagrams/overview.dot' },
      { stage: 'Prod', kind: 'stage', title: 'Stage Prod', svgFile: 'diagrams/Prod.svg', pngFile: 'diagrams/Prod.png', dotFile: 'diagrams/Prod.dot' },
    ]);
    const html = fs.readFileSync(path.join(out, 'checklist.html'), 'utf-8');
    const main = html.slice(html.indexOf('<main>'));
    expect(main.indexOf('<section id="overview">')).toBeGreaterThan(0);
    expect(main.indexOf('<section id="overview">')).toBeLessThan(main.indexOf('<section id="summary">'));
    expect(main.indexOf('>overview</text>')).toBeLessThan(main.indexOf('<section id="summary">'));
    // the stage's diagram stays with the others, once
    expect(main.split('>Prod</text>')).toHaveLength(2);
    expect(main.indexOf('>Prod</text>')).toBeGreaterThan(main.indexOf('<section id="diagrams">'));
  });

  test('the flows are numbered alike under the pictures, in the HTML report and in the deployment guide', async () => {
    // GIVEN
    const { renderer, contexts } = recording();
    const out = path.join(tmpDir(), 'evidence');
    // WHEN
    await generateEvidencePack({ assemblyDir: assemblyDir('multi-account'), selection: NETWORKING_SAAS, outDir: out, now: NOW, rules: PINNED_RULES, diagrams: renderer });
    // THEN: the renderer drew the same flows the renderers list
    const flows = contexts[0].architecture.flows;
    expect(flows.map((f) => `${f.number} ${f.title}`)).toEqual(['1 Audit trail: CloudTrail trail org-trail (every account of the organization)']);
    const step = flows[0].steps[0];
    const html = fs.readFileSync(path.join(out, 'checklist.html'), 'utf-8');
    const guide = fs.readFileSync(path.join(out, 'deployment-guide.md'), 'utf-8');
    expect(html).toContain(`<span class="step cross">${step.id}</span> ${step.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}`);
    expect(guide).toContain(`**1. ${flows[0].title}**`);
    expect(guide).toContain(`- **${step.id}** ${step.text} _(crosses accounts)_`);
    // under the overview, the steps it draws; under the stage, its flows
    expect(html.match(/<li id="flow-overview-1" value="1">/g)).toHaveLength(1);
    expect(html.match(/<li id="flow-1" value="1">/g)).toHaveLength(1);
  });

  test('accounts are named by the roles the app\'s cdk.json gives; accountNames adds to them and wins', async () => {
    // GIVEN
    const { renderer, contexts } = recording();
    const out = path.join(tmpDir(), 'evidence');
    // WHEN
    await generateEvidencePack({ assemblyDir: appWithCdkJson(), selection: NETWORKING_SAAS, outDir: out, now: NOW, rules: PINNED_RULES, diagrams: renderer, accountNames: { '222222222222': 'Log archive' }, stackBoundaries: true });
    // THEN
    expect(contexts[0]).toMatchObject({ stackBoundaries: true, architecture: { accountNames: { '111111111111': 'Management', '222222222222': 'Log archive' } } });
    const guide = fs.readFileSync(path.join(out, 'deployment-guide.md'), 'utf-8');
    expect(guide).toContain('| Account | Role | Regions | Stacks | CLI profile |');
    expect(guide).toContain('| 222222222222 | Log archive | eu-west-1 | Prod/Audit |');
    expect(contexts[0].architecture.flows[0].steps[0].text).toContain('in account 222222222222 (Log archive)');
  });

  test('a malformed accountNames is bad input: nothing is written', async () => {
    const out = path.join(tmpDir(), 'evidence');
    await expect(generateEvidencePack({ assemblyDir: assemblyDir('multi-account'), selection: NETWORKING_SAAS, outDir: out, diagrams: false, accountNames: { '2222': 'Audit' } }))
      .rejects.toThrow("accountNames: '2222' is not a 12-digit account id");
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('cdk-competency report: --account-names and --stack-boundaries', () => {
  async function run(argv: string[], diagrams: DiagramRenderer | false) {
    let stdout = '';
    let stderr = '';
    const code = await main(argv, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, stderrIsTTY: false, env: {}, now: NOW, packOptions: { diagrams, rules: PINNED_RULES } });
    return { code, stdout, stderr };
  }
  const NET = ['--checklist', 'networking', '--deployment-model', 'saas'];

  test('the names and the option reach the diagrams', async () => {
    const { renderer, contexts } = recording();
    const r = await run(['report', '--assembly', assemblyDir('multi-account'), ...NET, '--out', path.join(tmpDir(), 'e'), '--account-names', '111111111111=Management,222222222222=Audit', '--stack-boundaries'], renderer);
    expect(r.stderr).toBe('');
    expect(contexts[0]).toMatchObject({ stackBoundaries: true, architecture: { accountNames: { '111111111111': 'Management', '222222222222': 'Audit' } } });
  });

  test('a malformed --account-names exits 2 with one line', async () => {
    const r = await run(['report', '--assembly', assemblyDir('multi-account'), ...NET, '--out', path.join(tmpDir(), 'e'), '--account-names', 'Management'], false);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: '--account-names' entries look like 111111111111=Management, got 'Management'\n");
  });
});
