/**
 * `deployment-guide.md`: how to deploy the assembly, generated from it: prerequisites, accounts and
 * regions, parameters, stacks in dependency order with the exact `cdk deploy` commands, outputs, how to
 * verify, how to roll back and the costs to expect.
 */
import { CfnTemplate } from '../../aws';
import { METADATA } from '../../conventions';
import { Architecture } from '../architecture/model';
import { LoadedAssembly } from '../assembly';
import { EvidenceReport } from '../model';
import { MONTHLY_COSTS } from './costs';
import { deploymentOrder, generatedLine, minutes, plural, sourceLine, synthErrorNotice } from './common';

/** What the guide needs beyond the report. */
export interface GuideInputs {
  readonly report: EvidenceReport;
  readonly assembly: LoadedAssembly;
  /** The `--app` directory to deploy from, as the reader types it (e.g. `cdk.out`). */
  readonly appDir: string;
  /** Integ-test assertions, when the assembly has an integ manifest. */
  readonly integAssertions?: readonly string[];
  /** Account names and the numbered flows, as the diagrams and the HTML report number them. */
  readonly architecture?: Architecture;
}

/** The steps the stacks' templates declare must be done before they deploy (`METADATA.DEPLOYMENT_PREREQUISITES`). */
function prerequisiteLines(stacks: readonly { name: string; account?: string; template?: CfnTemplate }[]): string[] {
  const lines: string[] = [];
  for (const s of stacks) {
    const steps = s.template?.Metadata?.[METADATA.DEPLOYMENT_PREREQUISITES];
    if (!Array.isArray(steps)) continue;
    for (const step of steps) if (typeof step === 'string') lines.push(`- Before \`${s.name}\` (account ${s.account ?? 'of the profile'}): ${step}`);
  }
  return lines.length > 0 ? ['', 'What the templates require of their accounts before they deploy:', '', ...lines] : [];
}

function profileOf(account: string | undefined): string {
  return account ? `<profile-for-${account}>` : '<profile>';
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The accounts table, with each account's role when the app or the user names it. */
function accountsTable(report: EvidenceReport, architecture: Architecture | undefined): string[] {
  const names = architecture?.accountNames ?? {};
  const named = report.assembly.accounts.some((a) => names[a.account]);
  return [
    `| Account |${named ? ' Role |' : ''} Regions | Stacks | CLI profile |`,
    `| --- |${named ? ' --- |' : ''} --- | --- | --- |`,
    ...report.assembly.accounts.map((a) => `| ${a.account} |${named ? ` ${names[a.account] ?? ''} |` : ''} ${a.regions.join(', ')} | ${a.stacks.join(', ')} | \`${profileOf(a.account === 'unknown' ? undefined : a.account)}\` |`),
  ];
}

/** Every numbered flow in words, with the numbers the architecture diagrams and the HTML report show. */
function flowsSection(report: EvidenceReport, architecture: Architecture | undefined): string[] {
  const flows = architecture?.flows ?? [];
  if (!flows.length) return [];
  const pictures = report.diagrams.length ? ` (${report.diagrams.map((d) => `\`${d.pngFile}\``).join(', ')})` : '';
  const out = ['## What flows where', '', `Every path through the architecture, numbered as on the architecture diagrams${pictures} and in \`checklist.html\`. Check each after deployment: traffic reaches its targets, logs arrive, alarms notify, recovery points are copied.`, ''];
  for (const f of flows) {
    out.push(`**${f.number}. ${f.title}**`, '');
    for (const st of f.steps) out.push(`- **${st.id}** ${st.text}${st.crossAccount ? ' _(crosses accounts)_' : ''}`);
    if (f.note) out.push('', `_${f.note}_`);
    out.push('');
  }
  return out;
}

export function renderDeploymentGuide(g: GuideInputs): string {
  const { report } = g;
  const stacks = deploymentOrder(report.assembly.stacks);
  const templates = new Map(g.assembly.stacks.map((s) => [s.displayName, s.template as CfnTemplate]));
  const envs = [...new Set(stacks.map((s) => `${s.account ?? 'unknown'}/${s.region ?? 'unknown'}`))];
  const notice = synthErrorNotice(report);
  const out: string[] = [
    ...(notice ? [`> **⚠️ ${notice}**`, ''] : []),
    `# Deployment guide`,
    '',
    `Generated from the cloud assembly \`${report.assembly.dir}\` on ${generatedLine(report)} by ${report.tool.name} ${report.tool.version}, for the ${report.selection.checklistTitle} (${report.selection.deploymentModel}).`,
    `It deploys ${plural(stacks.length, 'stack')} into ${plural(report.assembly.accounts.length, 'account')}.`,
    ...(report.provenance ? [`Source: ${sourceLine(report)}.`] : []),
    '',
    '## Prerequisites',
    '',
    '- Node.js 20 or later and the AWS CDK CLI (`npm install -g aws-cdk`, or `npx cdk`).',
    '- One AWS CLI profile per account below, with permission to deploy CloudFormation stacks (`aws configure sso`).',
    '- Every account and region the stacks deploy to bootstrapped for the CDK (add `--trust <pipeline-account>` when a pipeline in another account deploys them):',
    '',
    '```sh',
    ...envs.map((e) => {
      const [account, region] = e.split('/');
      return `npx cdk bootstrap aws://${account === 'unknown' ? '<account>' : account}/${region === 'unknown' ? '<region>' : region} --profile ${profileOf(account === 'unknown' ? undefined : account)}`;
    }),
    '```',
    ...prerequisiteLines(stacks.map((s) => ({ name: s.name, account: s.account, template: templates.get(s.name) }))),
    '',
    '## Accounts and regions',
    '',
    ...accountsTable(report, g.architecture),
    '',
    ...flowsSection(report, g.architecture),
    '## Parameters and context',
    '',
  ];
  const params = stacks.flatMap((s) => s.parameters.map((p) => ({ stack: s.name, name: p, def: (templates.get(s.name)?.Parameters as any)?.[p] })));
  if (params.length === 0) {
    out.push('The templates take no CloudFormation parameters (besides the CDK bootstrap version). Configuration is fixed at synth time: review the app\'s `cdk.json` context and `cdk.context.json` before synthesizing, and synthesize again after changing them.', '');
  } else {
    out.push('| Stack | Parameter | Type | Default | Description |', '| --- | --- | --- | --- | --- |');
    for (const p of params) out.push(`| ${p.stack} | ${p.name} | ${p.def?.Type ?? ''} | ${p.def?.Default ?? ''} | ${p.def?.Description ?? ''} |`);
    out.push('', 'Pass values with `--parameters <Stack>:<Name>=<value>`. Context values used at synth live in `cdk.json` and `cdk.context.json`.', '');
  }

  out.push('## Deploy, in dependency order', '', 'Each command deploys one stack from the synthesized assembly (no re-synthesis), with the profile of the stack\'s account. Run them in this order: a stack is listed after every stack it depends on.', '');
  stacks.forEach((s, n) => {
    const t = templates.get(s.name);
    out.push(`### ${n + 1}. ${s.name}`, '');
    out.push(`Account ${s.account ?? 'unknown (environment-agnostic: the profile decides)'}, region ${s.region ?? 'unknown'}; ${plural(s.resourceCount, 'resource')}${s.dependsOn.length ? `; after ${s.dependsOn.join(', ')}` : ''}.${typeof t?.Description === 'string' ? ` ${t.Description}` : ''}`, '');
    out.push('```sh', `npx cdk deploy --app ${shellQuote(g.appDir)} ${shellQuote(s.name)} --exclusively --require-approval broadening --profile ${profileOf(s.account)}`, '```', '');
  });

  out.push('## Outputs', '');
  const withOutputs = stacks.filter((s) => s.outputs.length);
  if (withOutputs.length === 0) out.push('No stack declares outputs.', '');
  else {
    out.push('| Stack | Output | Export | Description |', '| --- | --- | --- | --- |');
    for (const s of withOutputs) for (const o of s.outputs) out.push(`| ${s.name} | ${o.name} | ${o.exportName ?? ''} | ${o.description ?? ''} |`);
    out.push('', 'Read them after deployment with `aws cloudformation describe-stacks --stack-name <name> --query "Stacks[0].Outputs" --profile <profile>`.', '');
  }

  out.push('## Verify', '');
  if (g.integAssertions?.length) {
    out.push('The assembly carries an integration test. Run it with `npx integ-runner` (it deploys, asserts, then destroys); its assertions:', '');
    for (const a of g.integAssertions) out.push(`- ${a}`);
    out.push('');
  }
  const controls = new Map<string, { stacks: Set<string>; kind: string }>();
  for (const i of report.items) for (const c of i.runtimeControls) for (const d of c.deployedIn) {
    const e = controls.get(c.id) ?? { stacks: new Set<string>(), kind: c.kind };
    e.stacks.add(d.stack);
    controls.set(c.id, e);
  }
  if (controls.size) {
    out.push('Check that the runtime controls report as expected once deployed (AWS Config rules COMPLIANT after their first evaluation, alarms in OK):', '', '| Control | Kind | Deployed by | How to check |', '| --- | --- | --- | --- |');
    for (const [id, c] of [...controls.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const how = c.kind === 'config-rule'
        ? `\`aws configservice describe-compliance-by-config-rule\` (rule with source ${id})`
        : c.kind === 'cloudwatch-alarm' ? '`aws cloudwatch describe-alarms --state-value ALARM` lists none of them' : 'the service console shows it enabled';
      out.push(`| ${id} | ${c.kind} | ${[...c.stacks].join(', ')} | ${how} |`);
    }
    out.push('');
  } else if (!g.integAssertions?.length) {
    out.push('The assembly deploys no runtime controls and has no integration test: verify by reviewing each stack in the CloudFormation console (status `CREATE_COMPLETE`) and the evidence in `checklist.html`.', '');
  }
  out.push('Then regenerate this evidence pack (`cdk-competency report`) and confirm every applicable item is Met.', '');

  out.push('## Roll back', '');
  out.push('- A failed deployment rolls back automatically; a stack left in `UPDATE_ROLLBACK_FAILED` is resumed with `aws cloudformation continue-update-rollback`.');
  out.push('- To return to the previous version, check out the previous commit, synthesize, and deploy the same commands again.');
  out.push('- To remove everything, destroy in reverse order:', '', '```sh');
  for (const s of [...stacks].reverse()) out.push(`npx cdk destroy --app ${shellQuote(g.appDir)} ${shellQuote(s.name)} --exclusively --force --profile ${profileOf(s.account)}`);
  out.push('```', '');
  const retained = stacks.flatMap((s) => Object.entries((templates.get(s.name)?.Resources ?? {}) as Record<string, any>)
    .filter(([, r]) => r?.DeletionPolicy === 'Retain' || r?.DeletionPolicy === 'RetainExceptOnCreate')
    .map(([id, r]) => `${s.name}: ${id} (${r.Type})`));
  if (retained.length) {
    out.push(`Destroying leaves ${plural(retained.length, 'retained resource')} in place (audit logs, keys and backups are kept on purpose); delete them by hand once they are no longer needed:`, '');
    for (const r of retained) out.push(`- ${r}`);
    out.push('');
  }
  if (report.assembly.stacks.some((s) => s.recoveryObjectives)) {
    out.push('Declared recovery objectives:', '');
    for (const s of report.assembly.stacks.filter((x) => x.recoveryObjectives)) {
      out.push(`- ${s.name}: RPO ${minutes(s.recoveryObjectives!.rpoMinutes)}, RTO ${minutes(s.recoveryObjectives!.rtoMinutes)}`);
    }
    out.push('');
  }

  out.push('## Costs to expect', '');
  const counts = new Map<string, number>();
  for (const s of g.assembly.stacks) for (const r of Object.values((s.template.Resources ?? {}) as Record<string, any>)) {
    if (typeof r?.Type === 'string') counts.set(r.Type, (counts.get(r.Type) ?? 0) + 1);
  }
  const priced = [...counts.entries()].filter(([t]) => MONTHLY_COSTS[t]).sort(([a], [b]) => a.localeCompare(b));
  if (priced.length === 0) {
    out.push('None of the resource types in this assembly has a fixed monthly charge in our table; expect usage-based charges only.', '');
  } else {
    let total = 0;
    out.push('Rough monthly figures (USD, us-east-1 on-demand list prices, light use): an order of magnitude, not a quote.', '', '| Resource type | Count | Per month each | Subtotal | Assumes |', '| --- | ---: | ---: | ---: | --- |');
    for (const [t, n] of priced) {
      const c = MONTHLY_COSTS[t];
      total += c.monthlyUsd * n;
      out.push(`| ${t} | ${n} | $${c.monthlyUsd.toFixed(2)} | $${(c.monthlyUsd * n).toFixed(2)} | ${c.basis} |`);
    }
    out.push(`| **Total** | | | **$${total.toFixed(2)}** | plus data transfer and usage-based charges |`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
