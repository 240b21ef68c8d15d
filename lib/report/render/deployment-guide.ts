/**
 * `deployment-guide.md`: how to deploy the assembly, generated from it: prerequisites, accounts and
 * regions, parameters, stacks in dependency order with the exact `cdk deploy` commands, outputs, how to
 * verify, how to roll back and the costs to expect.
 */
import { Architecture } from '../architecture/model';
import { EvidenceReport, StackSummary } from '../model';
import { MONTHLY_COSTS } from './costs';
import { deploymentOrder, generatedLine, minutes, plural, sourceLine, synthErrorNotice } from './common';

/** What the guide reads: the report, and the architecture the diagrams and the HTML report number their flows by. */
export interface GuideInputs {
  readonly report: EvidenceReport;
  /** Account names and the numbered flows, as the diagrams and the HTML report number them. */
  readonly architecture?: Architecture;
}

/** The steps the stacks' templates declare must be done before they deploy. */
function prerequisiteLines(stacks: readonly StackSummary[]): string[] {
  const lines = stacks.flatMap((s) => s.prerequisites.map((step) => `- Before \`${s.name}\` (account ${s.account ?? 'of the profile'}): ${step}`));
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
  const appDir = report.assembly.appDir;
  const stacks = deploymentOrder(report.assembly.stacks);
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
    ...prerequisiteLines(stacks),
    '',
    '## Accounts and regions',
    '',
    ...accountsTable(report, g.architecture),
    '',
    ...flowsSection(report, g.architecture),
    '## Parameters and context',
    '',
  ];
  const params = stacks.flatMap((s) => s.parameters.map((p) => ({ stack: s.name, ...p })));
  if (params.length === 0) {
    out.push('The templates take no CloudFormation parameters (besides the CDK bootstrap version). Configuration is fixed at synth time: review the app\'s `cdk.json` context and `cdk.context.json` before synthesizing, and synthesize again after changing them.', '');
  } else {
    out.push('| Stack | Parameter | Type | Default | Description |', '| --- | --- | --- | --- | --- |');
    for (const p of params) out.push(`| ${p.stack} | ${p.name} | ${p.type ?? ''} | ${p.default ?? ''} | ${p.description ?? ''} |`);
    out.push('', 'Pass values with `--parameters <Stack>:<Name>=<value>`. Context values used at synth live in `cdk.json` and `cdk.context.json`.', '');
  }

  out.push('## Deploy, in dependency order', '', 'Each command deploys one stack from the synthesized assembly (no re-synthesis), with the profile of the stack\'s account. Run them in this order: a stack is listed after every stack it depends on.', '');
  stacks.forEach((s, n) => {
    out.push(`### ${n + 1}. ${s.name}`, '');
    out.push(`Account ${s.account ?? 'unknown (environment-agnostic: the profile decides)'}, region ${s.region ?? 'unknown'}; ${plural(s.resourceCount, 'resource')}${s.dependsOn.length ? `; after ${s.dependsOn.join(', ')}` : ''}.${s.description !== undefined ? ` ${s.description}` : ''}`, '');
    out.push('```sh', `npx cdk deploy --app ${shellQuote(appDir)} ${shellQuote(s.name)} --exclusively --require-approval broadening --profile ${profileOf(s.account)}`, '```', '');
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
  const integAssertions = report.assembly.integAssertions;
  if (integAssertions?.length) {
    out.push('The assembly carries an integration test. Run it with `npx integ-runner` (it deploys, asserts, then destroys); its assertions:', '');
    for (const a of integAssertions) out.push(`- ${a}`);
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
  } else if (!integAssertions?.length) {
    out.push('The assembly deploys no runtime controls and has no integration test: verify by reviewing each stack in the CloudFormation console (status `CREATE_COMPLETE`) and the evidence in `checklist.html`.', '');
  }
  out.push('Then regenerate this evidence pack (`cdk-competency report`) and confirm every applicable item is Met.', '');

  out.push('## Roll back', '');
  out.push('- A failed deployment rolls back automatically; a stack left in `UPDATE_ROLLBACK_FAILED` is resumed with `aws cloudformation continue-update-rollback`.');
  out.push('- To return to the previous version, check out the previous commit, synthesize, and deploy the same commands again.');
  out.push('- To remove everything, destroy in reverse order:', '', '```sh');
  for (const s of [...stacks].reverse()) out.push(`npx cdk destroy --app ${shellQuote(appDir)} ${shellQuote(s.name)} --exclusively --force --profile ${profileOf(s.account)}`);
  out.push('```', '');
  const retained = stacks.flatMap((s) => s.retainedResources.map((r) => `${s.name}: ${r.logicalId} (${r.type})`));
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
  for (const s of report.assembly.stacks) for (const { type, count } of s.resourceTypes) counts.set(type, (counts.get(type) ?? 0) + count);
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
