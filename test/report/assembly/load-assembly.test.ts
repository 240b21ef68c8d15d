import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, aws_s3 as s3, Fn, NestedStack, Stack } from 'aws-cdk-lib';
import { AssemblyError, constructPathOf, loadAssembly } from '../../../lib/report/assembly';
import { appViewOf } from '../../../lib/report/collect';
import { S3BucketTlsOnly } from '../../../lib/rules/security/S3BucketTlsOnly';
import { findJsonSyntaxProblem } from '../../../lib/report/assembly/json';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'assemblies');
const fixture = (name: string) => path.join(FIXTURES, name);

/** The message of the error `fn` throws (and that it is an AssemblyError, on one line). */
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AssemblyError);
    const message = (e as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected an AssemblyError');
}

describe('loadAssembly: reads a cloud assembly and its nested stages', () => {
  test('a single top-level stack: environment, template, construct paths', () => {
    // WHEN
    const assembly = loadAssembly(fixture('single-stack'));

    // THEN
    expect(assembly.dir).toBe(fixture('single-stack'));
    expect(assembly.stages).toEqual([]);
    expect(assembly.stacks).toHaveLength(1);
    const [stack] = assembly.stacks;
    expect(stack).toMatchObject({
      artifactId: 'Network',
      displayName: 'Network',
      stage: '',
      account: '111111111111',
      region: 'eu-west-1',
      templateFile: path.join(fixture('single-stack'), 'Network.template.json'),
      dependencies: [],
    });
    expect(stack.template.Resources?.Vpc8378EB38.Type).toBe('AWS::EC2::VPC');
    expect(constructPathOf(stack, 'VpcPublicSubnet1Subnet5C2D37C4')).toBe('Network/Vpc/PublicSubnet1/Subnet');
    expect(constructPathOf(stack, 'NoSuchResource')).toBeUndefined();
  });

  test('a nested stage: stage path, display names, env-agnostic stack, stack dependencies only', () => {
    // WHEN
    const assembly = loadAssembly(fixture('staged'));

    // THEN
    expect(assembly.stages).toEqual(['OrganizationTrail']);
    expect(assembly.stacks.map((s) => [s.artifactId, s.displayName, s.stage])).toEqual([
      ['Shared', 'Shared', ''],
      ['OrganizationTrailAudit5E6F7A8B', 'OrganizationTrail/Audit', 'OrganizationTrail'],
      ['OrganizationTrailNetwork9C0D1E2F', 'OrganizationTrail/Network', 'OrganizationTrail'],
      ['OrganizationTrailManagement1A2B3C4D', 'OrganizationTrail/Management', 'OrganizationTrail'],
    ]);
    const shared = assembly.stacks[0];
    expect(shared.account).toBeUndefined();
    expect(shared.region).toBeUndefined();
    const management = assembly.stacks[3];
    expect(management).toMatchObject({ account: '111111111111', region: 'us-east-1', dependencies: ['OrganizationTrailAudit5E6F7A8B'] });
    expect(management.templateFile).toBe(path.join(fixture('staged'), 'assembly-OrganizationTrail', 'OrganizationTrailManagement1A2B3C4D.template.json'));
  });

  test('a stage\'s nested assembly read on its own keeps its stage (the parent manifest names it)', () => {
    // WHEN
    const assembly = loadAssembly(path.join(fixture('staged'), 'assembly-OrganizationTrail'));

    // THEN
    expect(assembly.stages).toEqual(['OrganizationTrail']);
    expect(assembly.stacks.map((s) => s.stage)).toEqual(['OrganizationTrail', 'OrganizationTrail', 'OrganizationTrail']);
  });

  test('construct paths come from the metadata file when templates carry no aws:cdk:path', () => {
    // GIVEN
    const audit = loadAssembly(fixture('staged')).stacks.find((s) => s.displayName === 'OrganizationTrail/Audit')!;

    // THEN
    expect(audit.template.Resources?.AuditLogs6819BB44.Metadata).toBeUndefined();
    expect(constructPathOf(audit, 'AuditLogs6819BB44')).toBe('OrganizationTrail/Audit/AuditLogs/Resource');
  });

  test('a stage nested in a stage gets the path Outer/Inner', () => {
    // GIVEN
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assembly-'));
    const write = (file: string, obj: unknown) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), JSON.stringify(obj));
    };
    const nested = (dirName: string, displayName: string) => ({ type: 'cdk:cloud-assembly', properties: { directoryName: dirName, displayName } });
    write('manifest.json', { version: '55.0.0', artifacts: { 'assembly-Outer': nested('assembly-Outer', 'Outer') } });
    write('assembly-Outer/manifest.json', { version: '55.0.0', artifacts: { 'assembly-Outer-Inner': nested('assembly-Outer-Inner', 'Outer/Inner') } });
    write('assembly-Outer/assembly-Outer-Inner/manifest.json', {
      version: '55.0.0',
      artifacts: { OuterInnerS: { type: 'aws:cloudformation:stack', environment: 'aws://unknown-account/unknown-region', properties: { templateFile: 'S.template.json' }, displayName: 'Outer/Inner/S' } },
    });
    write('assembly-Outer/assembly-Outer-Inner/S.template.json', { Resources: {} });

    // WHEN
    const assembly = loadAssembly(dir);

    // THEN
    expect(assembly.stages).toEqual(['Outer', 'Outer/Inner']);
    expect(assembly.stacks.map((s) => [s.displayName, s.stage])).toEqual([['Outer/Inner/S', 'Outer/Inner']]);
  });
});

describe('loadAssembly: bad input gets a one-line AssemblyError', () => {
  test('no such directory', () => {
    expect(errorOf(() => loadAssembly('/nonexistent/cdk.out'))).toBe("cloud assembly not found: /nonexistent/cdk.out (run 'cdk synth' first)");
  });

  test('a directory without manifest.json', () => {
    const dir = fixture('missing-manifest');
    expect(errorOf(() => loadAssembly(dir))).toBe(`cloud assembly not found: ${dir} has no manifest.json (run 'cdk synth' first)`);
  });

  test('manifest.json is not JSON: file, line and reason', () => {
    const dir = fixture('manifest-not-json');
    expect(errorOf(() => loadAssembly(dir))).toBe(`${dir}/manifest.json is not valid JSON at line 6, column 4: expected ',' or '}', found '"'`);
  });

  test('a template is missing', () => {
    expect(errorOf(() => loadAssembly(fixture('missing-template')))).toBe('template OrgTrail.template.json of stack OrgTrail is missing');
  });

  test('a template is not JSON: the line of the error', () => {
    expect(errorOf(() => loadAssembly(fixture('template-not-json')))).toBe("template Broken.template.json is not valid JSON at line 7, column 4: expected a property name, found '}'");
  });

  test('an assembly without stacks', () => {
    const dir = fixture('no-stacks');
    expect(errorOf(() => loadAssembly(dir))).toBe(`${dir} has no stacks`);
  });

  test('a nested stage directory is missing', () => {
    const dir = fixture('missing-stage');
    expect(errorOf(() => loadAssembly(dir))).toBe(`nested assembly assembly-Prod of stage Prod is missing in ${dir}`);
  });

  test('an invalid environment', () => {
    // GIVEN
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assembly-'));
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({
      version: '55.0.0',
      artifacts: { S: { type: 'aws:cloudformation:stack', environment: 'eu-west-1', properties: { templateFile: 'S.template.json' } } },
    }));
    fs.writeFileSync(path.join(dir, 'S.template.json'), '{}');

    // THEN
    expect(errorOf(() => loadAssembly(dir))).toBe('stack S has an invalid environment "eu-west-1" (expected aws://<account>/<region>)');
  });
});

describe('findJsonSyntaxProblem: locates what JSON.parse rejects', () => {
  test.each([
    ['{"a": 1,\n "b": }', 2, 7, "expected a value, found '}'"],
    ['{\n"a":1\n', 3, 1, "expected ',' or '}', found end of file"],
    ['nope', 1, 1, "unexpected 'n'"],
    ['{"a":1}}', 1, 8, "unexpected '}' after the end of the document"],
    ['"abc', 1, 5, 'unterminated string'],
  ])('%j', (text, line, column, reason) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonSyntaxProblem(text)).toEqual({ line, column, reason });
  });
});

describe('loadAssembly: nested stacks', () => {
  test('the templates of nested stacks (and theirs) are read, and the report\'s rules follow parameters into them', () => {
    // GIVEN: a bucket whose TLS-only policy lives in a nested stack, which gets the bucket name as a parameter
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'nested-assembly-'));
    const app = new App({ outdir });
    const parent = new Stack(app, 'Data', { env: { account: '111111111111', region: 'eu-west-1' } });
    const bucket = new s3.CfnBucket(parent, 'Bucket');
    const policies = new NestedStack(parent, 'Policies');
    new s3.CfnBucketPolicy(policies, 'Tls', {
      bucket: bucket.ref,
      policyDocument: { Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [bucket.attrArn, Fn.join('', [bucket.attrArn, '/*'])], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] },
    });
    new NestedStack(policies, 'Deeper');
    app.synth();
    // WHEN
    const assembly = loadAssembly(outdir);
    // THEN
    expect(assembly.stacks.map((s) => s.displayName)).toEqual(['Data']);
    expect(assembly.nestedStacks?.map((s) => [s.displayName, s.nestedIn, s.account])).toEqual([
      ['Data/Policies', { artifactId: 'Data', logicalId: expect.stringMatching(/^PoliciesNestedStackPoliciesNestedStackResource/) }, '111111111111'],
      ['Data/Policies/Deeper', { artifactId: expect.stringMatching(/^Data\/PoliciesNestedStack/), logicalId: expect.stringMatching(/^DeeperNestedStack/) }, '111111111111'],
    ]);
    const view = appViewOf(assembly);
    const b = view.ofType('AWS::S3::Bucket')[0];
    expect(S3BucketTlsOnly.check(b, view)).toEqual({ status: 'compliant' });
  });
});
