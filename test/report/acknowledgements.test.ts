/**
 * The evidence report reads acknowledgements where aws-cdk-lib records them, the cloud assembly's stack metadata,
 * and lists the app's own: ids whole, grouped by rule, aws-cdk-lib's own counted apart, and "suppresses" exactly
 * when a finding of the report was suppressed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, aws_ec2 as ec2, aws_s3 as s3, Stack } from 'aws-cdk-lib';
import {
  acknowledgementKey, displayAcknowledgedId, isToolAcknowledgement, parseAcknowledgedId, TOOL_ACKNOWLEDGEMENTS, toolOfAcknowledgedId,
} from '../../lib/packs';
import { collectEvidence, EvidenceReport, loadAssembly, renderMarkdown } from '../../lib/report';
import { IAM4_ID, partnerApp } from '../packs/partner-app';
import { NOW, tmpDir } from './helpers';

const SELECTION = { checklist: 'networking', deploymentModel: 'saas' } as const;

/** Drops the stack traces from every metadata file of an assembly, as an app synthesized without them records it. */
function dropTraces(dir: string): void {
  for (const f of fs.readdirSync(dir, { recursive: true, encoding: 'utf-8' }).filter((x) => x.endsWith('.metadata.json') || x.endsWith('manifest.json'))) {
    const file = path.join(dir, f);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf-8').replace(/,\s*"trace": \[[^\]]*\]/g, ''));
  }
}

function reportOf(opts: { traces?: boolean } = {}): EvidenceReport {
  const outdir = tmpDir('cdk-competency-acks-');
  partnerApp(outdir).synth();
  if (opts.traces === false) dropTraces(outdir);
  try {
    return collectEvidence({ assembly: loadAssembly(outdir), selection: SELECTION, now: NOW });
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe('acknowledgement ids', () => {
  test.each([
    ['Annotation::Competency-1.14-TrailBucketInAnotherAccount', undefined, 'Competency-1.14-TrailBucketInAnotherAccount', 'Competency-1.14-TrailBucketInAnotherAccount', 'Competency'],
    ['Competency-networking-saas::Competency-1.14-TrailBucketInAnotherAccount', 'Competency-networking-saas', 'Competency-1.14-TrailBucketInAnotherAccount', 'Competency-networking-saas::Competency-1.14-TrailBucketInAnotherAccount', 'Competency'],
    [`Annotation::${IAM4_ID}`, undefined, IAM4_ID, IAM4_ID, 'AwsSolutions'],
    [IAM4_ID, undefined, IAM4_ID, IAM4_ID, 'AwsSolutions'],
    ['CloudFormation-Validate::W3010', 'CloudFormation-Validate', 'W3010', 'CloudFormation-Validate::W3010', 'CloudFormation-Validate'],
  ])('%s', (id, namespace, key, shown, tool) => {
    expect(parseAcknowledgedId(id).namespace).toBe(namespace === undefined && id.startsWith('Annotation::') ? 'Annotation' : namespace);
    expect(acknowledgementKey(id)).toBe(key);
    expect(displayAcknowledgedId(id)).toBe(shown);
    expect(toolOfAcknowledgedId(shown)).toBe(tool);
  });

  test('an acknowledgement is aws-cdk-lib\'s own by its trace, or without a trace by its exact id and reason', () => {
    const [w3010] = TOOL_ACKNOWLEDGEMENTS;
    expect(isToolAcknowledgement(w3010.id, w3010.reason, ['    ...new Vpc2 in aws-cdk-lib...', 'app (/src/app.ts:4:1)'])).toBe(true);
    expect(isToolAcknowledgement(w3010.id, 'ours', ['    ...Validations.acknowledge in aws-cdk-lib...', 'app (/src/app.ts:9:3)'])).toBe(false);
    expect(isToolAcknowledgement(w3010.id, w3010.reason)).toBe(true);
    expect(isToolAcknowledgement(w3010.id, 'We accept literal AZs')).toBe(false);
  });

  test('the known list is every acknowledgement the installed aws-cdk-lib makes itself', () => {
    // GIVEN: every `acknowledge({ id, reason })` call in aws-cdk-lib's code
    const root = path.dirname(require.resolve('aws-cdk-lib/package.json'));
    const calls = new Set<string>();
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) { if (e.name !== 'node_modules') walk(p); continue; }
        if (!e.name.endsWith('.js')) continue;
        const text = fs.readFileSync(p, 'utf-8');
        if (!text.includes('acknowledge({')) continue;
        for (const m of text.matchAll(/acknowledge\(\{id:"([^"]*)",reason:"([^"]*)"\}\)/g)) calls.add(`${m[1]} | ${m[2]}`);
      }
    };
    walk(root);
    // THEN
    expect([...calls].sort()).toEqual(TOOL_ACKNOWLEDGEMENTS.map((t) => `${t.id} | ${t.reason}`).sort());
  });

  test('what aws-cdk-lib acknowledges while synthesizing is recognised by its trace and by the list (W3010 for literal AZs, W3045 for log bucket ACLs)', () => {
    // GIVEN: an app whose constructs make aws-cdk-lib acknowledge its own validation rules
    const outdir = tmpDir('cdk-competency-acks-');
    const app = new App({ outdir });
    const stack = new Stack(app, 'S', { env: { account: '111111111111', region: 'eu-west-1' } });
    new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
    new s3.Bucket(stack, 'Data', { serverAccessLogsBucket: new s3.Bucket(stack, 'Logs') });
    app.synth();
    // WHEN
    const recorded = loadAssembly(outdir).stacks.flatMap((s) => s.acknowledgements ?? []);
    fs.rmSync(outdir, { recursive: true, force: true });
    // THEN
    expect(recorded.map((a) => a.id).sort()).toEqual(['CloudFormation-Validate::W3010', 'CloudFormation-Validate::W3045']);
    for (const a of recorded) {
      expect(isToolAcknowledgement(a.id, a.reason, a.trace)).toBe(true);
      expect(isToolAcknowledgement(a.id, a.reason)).toBe(true);
    }
  });
});

describe('the report\'s acknowledgements, read from the cloud assembly', () => {
  const report = reportOf();
  const byRule = (id: string) => report.acknowledgements.filter((a) => a.ruleId === id);

  test('rule ids are whole, with the construct each was made on and its reason', () => {
    expect(report.acknowledgements.map((a) => [a.ruleId, a.path, a.source]).sort()).toEqual([
      ['AwsSolutions-VPC7', 'Prod/Network', 'assembly'],
      [IAM4_ID, 'Prod/Workload/Handler', 'assembly'],
      ['Competency-1.10-NoHardcodedCredentials', 'Prod/Workload/UploadsBucket', 'assembly'],
      ['Competency-1.16-SecurityGroupNoOpenIngress', 'Prod/Network/Bastion', 'assembly'],
      ['Competency-1.24-S3BucketTlsOnly', 'Prod/Workload/Uploads', 'assembly'],
    ].sort());
    expect(byRule(IAM4_ID)).toEqual([expect.objectContaining({ tool: 'AwsSolutions', reason: 'The managed basic execution role is enough' })]);
  });

  test('"suppresses" is true exactly when a finding of the report was suppressed, and the counts agree with the summary', () => {
    expect(byRule('Competency-1.16-SecurityGroupNoOpenIngress')).toEqual([expect.objectContaining({
      itemId: '1.16', suppressesFinding: true, suppressed: [expect.objectContaining({ path: 'Prod/Network/Bastion/Resource', type: 'AWS::EC2::SecurityGroup' })],
    })]);
    expect(byRule('Competency-1.24-S3BucketTlsOnly')).toEqual([expect.objectContaining({ suppressesFinding: true, suppressed: [expect.objectContaining({ path: 'Prod/Workload/Uploads/Resource' })] })]);
    // a bucket name in an output is no credential: acknowledged, nothing to suppress
    expect(byRule('Competency-1.10-NoHardcodedCredentials')).toEqual([expect.objectContaining({ suppressesFinding: false, suppressed: [] })]);
    // another tool's rule is not evaluated by this report
    for (const a of [...byRule('AwsSolutions-VPC7'), ...byRule(IAM4_ID)]) {
      expect(a.suppressesFinding).toBe(false);
      expect(a.suppressed).toBeUndefined();
    }
    const suppressed = report.acknowledgements.reduce((n, a) => n + (a.suppressed?.length ?? 0), 0);
    expect(suppressed).toBe(2);
    expect(report.summary.acknowledgedFindings).toBe(suppressed);
    expect(report.items.find((i) => i.id === '1.16')!.rules.acknowledged.map((f) => f.acknowledgement)).toEqual(['Break-glass bastion, port closed by an SCP outside incidents']);
  });

  test('aws-cdk-lib\'s own acknowledgements are counted apart, never listed as the app\'s exceptions', () => {
    expect(report.acknowledgements.filter((a) => /W3010|W3045/.test(a.ruleId))).toEqual([]);
    expect(report.toolAcknowledgements.rules.map((r) => r.ruleId).sort()).toEqual(['CloudFormation-Validate::W3010', 'CloudFormation-Validate::W3045']);
    expect(report.toolAcknowledgements.count).toBe(report.toolAcknowledgements.rules.reduce((n, r) => n + r.count, 0));
  });

  test('without stack traces in the assembly the classification is the same (by aws-cdk-lib\'s exact ids and reasons)', () => {
    const quiet = reportOf({ traces: false });
    expect(quiet.acknowledgements.map((a) => a.ruleId).sort()).toEqual(report.acknowledgements.map((a) => a.ruleId).sort());
    expect(quiet.toolAcknowledgements).toEqual(report.toolAcknowledgements);
  });

  test('Markdown groups them by rule, with the whole id, and one line for aws-cdk-lib\'s own', () => {
    const md = renderMarkdown(report);
    const section = md.slice(md.indexOf('## Acknowledged exceptions'), md.indexOf('## Environment'));
    expect(section).toContain(`### \`${IAM4_ID}\``);
    expect(section).toMatch(/### `Competency-1\.16-SecurityGroupNoOpenIngress` \(\[1\.16 /);
    expect(section).toMatch(/\| `Prod\/Network\/Bastion` \| Prod\/Network \| Break-glass bastion, port closed by an SCP outside incidents \| 1 finding \|/);
    expect(section).toMatch(/\| `Prod\/Network` \| Prod\/Network \| Flow logs are enabled by the network account \| not evaluated by this report \(AwsSolutions rule\) \|/);
    expect(section).toMatch(/acknowledgements? made by aws-cdk-lib itself, not the app's exceptions and not counted: CloudFormation-Validate::W3010 ×\d+/);
    expect(section).toContain('suppress 2 findings of this report');
  });
});

describe('the reference deployments keep their own acknowledgements', () => {
  test('a template synthesized by the examples carries no acknowledgement metadata', () => {
    const snapshots = path.join(__dirname, '..', '..', 'examples');
    const templates = fs.readdirSync(snapshots, { recursive: true, encoding: 'utf-8' }).filter((f) => f.endsWith('.template.json'));
    expect(templates.length).toBeGreaterThan(0);
    for (const f of templates) expect({ f, nag: /rules_to_suppress/.test(fs.readFileSync(path.join(snapshots, f), 'utf-8')) }).toEqual({ f, nag: false });
  });
});
