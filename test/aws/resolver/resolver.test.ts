import { DeployTimeValue, MAX_ALTERNATIVES, ResourceValue, Text, availabilityZone, isKnown } from '../../../lib/aws';
import { resolverOf, TestStack } from './helpers';

const bucket = { Type: 'AWS::S3::Bucket', Properties: {} };

describe('AssemblyResolver: values of one template', () => {
  test('literals come back as they are, the same objects when nothing is followed', () => {
    // GIVEN
    const props = { A: 'x', B: [1, { C: true }] };
    const { resolver, resource } = resolverOf({ path: 'S', template: { Resources: { R: { Type: 'T', Properties: props } } } });
    // WHEN
    const res = resolver.resolve(resource('S', 'R'), '');
    // THEN
    expect(res.ok && res.values.length === 1 && res.values[0].value).toBe(props);
  });

  test('Ref and Fn::GetAtt of a resource are resource values; a missing property is undefined', () => {
    // GIVEN
    const { values, resource } = resolverOf({ path: 'S', template: { Resources: { B: bucket, P: { Type: 'T', Properties: { Bucket: { Ref: 'B' }, Arn: { 'Fn::GetAtt': ['B', 'Arn'] }, Old: { 'Fn::GetAtt': 'B.DomainName' } } } } } });
    // WHEN / THEN
    expect(values('S', 'P', 'Bucket')).toEqual([new ResourceValue(resource('S', 'B'))]);
    expect(values('S', 'P', 'Arn')).toEqual([new ResourceValue(resource('S', 'B'), 'Arn')]);
    expect(values('S', 'P', 'Old')).toEqual([new ResourceValue(resource('S', 'B'), 'DomainName')]);
    expect(values('S', 'P', 'Missing')).toEqual([undefined]);
  });

  test('pseudo parameters come from the stack environment, partition from the region; unknown ones are deploy-time values', () => {
    // GIVEN
    const props = { A: { Ref: 'AWS::AccountId' }, R: { Ref: 'AWS::Region' }, P: { Ref: 'AWS::Partition' }, U: { Ref: 'AWS::URLSuffix' }, N: { Ref: 'AWS::StackName' } };
    const { values } = resolverOf(
      { path: 'Cn', account: '111111111111', region: 'cn-north-1', template: { Resources: { R: { Type: 'T', Properties: props } } } },
      { path: 'Agnostic', template: { Resources: { R: { Type: 'T', Properties: props } } } },
    );
    // WHEN / THEN
    expect(['A', 'R', 'P', 'U'].map((p) => values('Cn', 'R', p)[0])).toEqual(['111111111111', 'cn-north-1', 'aws-cn', 'amazonaws.com.cn']);
    expect(values('Cn', 'R', 'N')[0]).toEqual(new DeployTimeValue('pseudo', 'AWS::StackName', 'Cn', { Ref: 'AWS::StackName' }));
    expect(values('Agnostic', 'R', 'A')[0]).toBeInstanceOf(DeployTimeValue);
    expect(String(values('Agnostic', 'R', 'P')[0])).toBe('AWS::Partition of stack Agnostic');
  });

  test('a parameter of a top-level stack is a deploy-time value that carries its default', () => {
    // GIVEN
    const { values } = resolverOf({ path: 'S', template: { Parameters: { Size: { Type: 'Number', Default: 20 } }, Resources: { R: { Type: 'T', Properties: { Size: { Ref: 'Size' } } } } } });
    // WHEN
    const [v] = values('S', 'R', 'Size') as DeployTimeValue[];
    // THEN
    expect(v).toMatchObject({ kind: 'parameter', name: 'Size', stack: 'S', defaultValue: 20 });
    expect(isKnown(v)).toBe(false);
  });

  test('AWS::NoValue removes the property, or the list element', () => {
    // GIVEN
    const { values } = resolverOf({ path: 'S', template: { Resources: { R: { Type: 'T', Properties: { Gone: { Ref: 'AWS::NoValue' }, List: ['a', { Ref: 'AWS::NoValue' }, 'b'], Obj: { K: { Ref: 'AWS::NoValue' }, L: 1 } } } } } });
    // WHEN / THEN
    expect(values('S', 'R', 'Gone')).toEqual([undefined]);
    expect(values('S', 'R', 'List')).toEqual([['a', 'b']]);
    expect(values('S', 'R', 'Obj')).toEqual([{ L: 1 }]);
  });

  test('Fn::Join and Fn::Sub: a string when every part is known, else a text with the unknown parts', () => {
    // GIVEN
    const { values, resource } = resolverOf({
      path: 'S', account: '111111111111', region: 'eu-west-1',
      template: {
        Resources: {
          B: bucket,
          R: {
            Type: 'T',
            Properties: {
              Literal: { 'Fn::Join': [':', ['arn', { Ref: 'AWS::Partition' }, 's3', '', '', 'name']] },
              WithRef: { 'Fn::Join': ['', ['arn:aws:s3:::', { Ref: 'B' }, '/*']] },
              Sub: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${B}/${!Literal}-${B.Arn}' },
              SubVars: { 'Fn::Sub': ['${Name}-${AWS::Region}', { Name: 'x' }] },
              Base64: { 'Fn::Base64': { 'Fn::Sub': '#!/bin/bash\necho ${AWS::Region}' } },
            },
          },
        },
      },
    });
    // WHEN / THEN
    expect(values('S', 'R', 'Literal')).toEqual(['arn:aws:s3:::name']);
    const [text] = values('S', 'R', 'WithRef') as Text[];
    expect(text).toEqual(new Text(['arn:aws:s3:::', new ResourceValue(resource('S', 'B')), '/*']));
    expect(text.render()).toBe('arn:aws:s3:::<B>/*');
    expect((values('S', 'R', 'Sub')[0] as Text).render()).toBe('arn:aws:s3:::<B>/${Literal}-<B.Arn>');
    expect(values('S', 'R', 'SubVars')).toEqual(['x-eu-west-1']);
    expect(values('S', 'R', 'Base64')).toEqual(['#!/bin/bash\necho eu-west-1']);
  });

  test('Fn::Select, Fn::Split and Fn::FindInMap; Fn::Select of Fn::GetAZs stays a deploy-time zone', () => {
    // GIVEN
    const { values } = resolverOf({
      path: 'S', region: 'eu-west-1',
      template: {
        Mappings: { Accounts: { 'eu-west-1': { Elb: '156460612806' } } },
        Resources: {
          R: {
            Type: 'T',
            Properties: {
              Sel: { 'Fn::Select': [1, { 'Fn::Split': [',', 'a,b,c'] }] },
              Az: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
              Map: { 'Fn::FindInMap': ['Accounts', { Ref: 'AWS::Region' }, 'Elb'] },
              Cidr: { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] },
            },
          },
        },
      },
    });
    // WHEN / THEN
    expect(values('S', 'R', 'Sel')).toEqual(['b']);
    const [az] = values('S', 'R', 'Az') as DeployTimeValue[];
    expect(az).toMatchObject({ kind: 'intrinsic', name: 'Fn::Select' });
    expect(availabilityZone(az.source)).toEqual({ index: 0 });
    expect(values('S', 'R', 'Map')).toEqual(['156460612806']);
    expect(values('S', 'R', 'Cidr')[0]).toMatchObject({ kind: 'intrinsic', name: 'Fn::Cidr' });
  });
});

describe('AssemblyResolver: Fn::If gives every branch', () => {
  const template = (conditions: Record<string, unknown>, props: Record<string, unknown>) => ({
    Parameters: { Env: { Type: 'String' } },
    Conditions: conditions,
    Resources: { R: { Type: 'T', Properties: props } },
  });

  test('a condition unknown at synth gives both branches, each with the condition it assumes', () => {
    // GIVEN
    const { resolver, resource } = resolverOf({ path: 'S', template: template({ Prod: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } }, { Encrypted: { 'Fn::If': ['Prod', true, false] } }) });
    // WHEN
    const res = resolver.resolve(resource('S', 'R'), 'Encrypted');
    // THEN
    expect(res.ok && res.values.map((v) => [v.value, [...v.conditions]])).toEqual([[true, [['S|Prod', true]]], [false, [['S|Prod', false]]]]);
  });

  test('a condition known at synth (the region of the stack) picks its branch', () => {
    // GIVEN
    const { values } = resolverOf({
      path: 'S', region: 'eu-west-1',
      template: template({ InIreland: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'eu-west-1'] }, NotIreland: { 'Fn::Not': [{ Condition: 'InIreland' }] } }, {
        A: { 'Fn::If': ['InIreland', 'yes', 'no'] },
        B: { 'Fn::If': ['NotIreland', 'yes', 'no'] },
      }),
    });
    // WHEN / THEN
    expect(values('S', 'R', 'A')).toEqual(['yes']);
    expect(values('S', 'R', 'B')).toEqual(['no']);
  });

  test('one condition used twice is the same branch in both places; two conditions give four combinations', () => {
    // GIVEN
    const { values } = resolverOf({
      path: 'S',
      template: template({ Prod: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] }, Big: { 'Fn::Equals': [{ Ref: 'Env' }, 'big'] } }, {
        Same: { A: { 'Fn::If': ['Prod', 1, 2] }, B: { 'Fn::If': ['Prod', 'one', 'two'] } },
        Two: { A: { 'Fn::If': ['Prod', 1, 2] }, B: { 'Fn::If': ['Big', 'one', 'two'] } },
        Derived: { A: { 'Fn::If': ['Prod', 1, 2] }, B: { 'Fn::If': ['Prod', { 'Fn::If': ['Prod', 'p', 'never'] }, 'q'] } },
      }),
    });
    // WHEN / THEN
    expect(values('S', 'R', 'Same')).toEqual([{ A: 1, B: 'one' }, { A: 2, B: 'two' }]);
    expect(values('S', 'R', 'Two')).toHaveLength(4);
    expect(values('S', 'R', 'Derived')).toEqual([{ A: 1, B: 'p' }, { A: 2, B: 'q' }]);
  });

  test('a path through a container chosen by Fn::If reads both containers', () => {
    // GIVEN
    const { values } = resolverOf({
      path: 'S',
      template: template({ Prod: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } }, {
        LaunchTemplateData: { 'Fn::If': ['Prod', { MetadataOptions: { HttpTokens: 'required' } }, { MetadataOptions: { HttpTokens: 'optional' } }] },
      }),
    });
    // WHEN / THEN
    expect(values('S', 'R', 'LaunchTemplateData/MetadataOptions/HttpTokens')).toEqual(['required', 'optional']);
  });

  test(`more than ${MAX_ALTERNATIVES} combinations is reported, not cut short`, () => {
    // GIVEN: seven independent conditions
    const conditions = Object.fromEntries([...Array(7).keys()].map((i) => [`C${i}`, { 'Fn::Equals': [{ Ref: 'Env' }, `e${i}`] }]));
    const props = { List: [...Array(7).keys()].map((i) => ({ 'Fn::If': [`C${i}`, 'a', 'b'] })) };
    const { values } = resolverOf({ path: 'S', template: template(conditions, props) });
    // WHEN / THEN
    expect(values('S', 'R', 'List')).toBe(`S/R List: more than ${MAX_ALTERNATIVES} combinations of Fn::If branches`);
  });
});

describe('AssemblyResolver: across stacks', () => {
  const producer = {
    path: 'Network', account: '111111111111', region: 'eu-west-1',
    template: {
      Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } },
      Outputs: { VpcId: { Value: { Ref: 'Vpc' }, Export: { Name: 'Network:VpcId' } } },
    },
  };

  test('Fn::ImportValue follows the export to the exporting stack\'s resource', () => {
    // GIVEN
    const { values, resource } = resolverOf(producer, {
      path: 'App', account: '111111111111', region: 'eu-west-1',
      template: { Resources: { Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { VpcId: { 'Fn::ImportValue': 'Network:VpcId' } } } } },
    });
    // WHEN / THEN
    expect(values('App', 'Sg', 'VpcId')).toEqual([new ResourceValue(resource('Network', 'Vpc'))]);
  });

  test('two stacks exporting one name in different environments: the importing stack\'s environment decides', () => {
    // GIVEN
    const other = { ...producer, path: 'NetworkUs', region: 'us-east-1' };
    const { values, resource } = resolverOf(producer, other, {
      path: 'AppUs', account: '111111111111', region: 'us-east-1',
      template: { Resources: { Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { VpcId: { 'Fn::ImportValue': 'Network:VpcId' } } } } },
    });
    // WHEN / THEN
    expect(values('AppUs', 'Sg', 'VpcId')).toEqual([new ResourceValue(resource('NetworkUs', 'Vpc'))]);
  });

  test('a nested stack\'s parameter is what the parent passes; the parent reads the nested stack\'s outputs', () => {
    // GIVEN
    const { values, resource } = resolverOf(
      {
        path: 'Parent',
        template: {
          Resources: {
            Key: { Type: 'AWS::KMS::Key', Properties: {} },
            Child: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'x', Parameters: { KeyArn: { 'Fn::GetAtt': ['Key', 'Arn'] } } } },
            Alarm: { Type: 'T', Properties: { Topic: { 'Fn::GetAtt': ['Child', 'Outputs.TopicArn'] } } },
          },
        },
      },
      {
        path: 'Parent/Child',
        nestedIn: { stack: 'Parent', logicalId: 'Child' },
        template: {
          Parameters: { KeyArn: { Type: 'String' }, Retention: { Type: 'Number', Default: 30 } },
          Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { KmsMasterKeyId: { Ref: 'KeyArn' }, Days: { Ref: 'Retention' } } } },
          Outputs: { TopicArn: { Value: { Ref: 'Topic' } } },
        },
      },
    );
    // WHEN / THEN
    expect(values('Parent/Child', 'Topic', 'KmsMasterKeyId')).toEqual([new ResourceValue(resource('Parent', 'Key'), 'Arn')]);
    expect(values('Parent/Child', 'Topic', 'Days')).toEqual([30]);
    expect(values('Parent', 'Alarm', 'Topic')).toEqual([new ResourceValue(resource('Parent/Child', 'Topic'))]);
  });

  test('a Ref of a secret target attachment (and of a rotation schedule) leads to the secret', () => {
    // GIVEN
    const { values, resource } = resolverOf({
      path: 'S',
      template: {
        Resources: {
          Secret: { Type: 'AWS::SecretsManager::Secret', Properties: {} },
          Attachment: { Type: 'AWS::SecretsManager::SecretTargetAttachment', Properties: { SecretId: { Ref: 'Secret' }, TargetId: { Ref: 'Db' }, TargetType: 'AWS::RDS::DBInstance' } },
          Db: { Type: 'AWS::RDS::DBInstance', Properties: {} },
          Rotation: { Type: 'AWS::SecretsManager::RotationSchedule', Properties: { SecretId: { Ref: 'Attachment' } } },
          Policy: { Type: 'AWS::SecretsManager::ResourcePolicy', Properties: { SecretId: { Ref: 'Rotation' } } },
        },
      },
    });
    // WHEN / THEN
    expect(values('S', 'Rotation', 'SecretId')).toEqual([new ResourceValue(resource('S', 'Secret'))]);
    expect(values('S', 'Policy', 'SecretId')).toEqual([new ResourceValue(resource('S', 'Secret'))]);
  });
});

describe('AssemblyResolver: what cannot be followed is named, never thrown, never passed', () => {
  test.each<[string, Record<string, unknown>, string, RegExp]>([
    ['a missing export', { Resources: { R: { Type: 'T', Properties: { V: { 'Fn::ImportValue': 'Nope' } } } } }, 'V', /^S\/R V: Fn::ImportValue 'Nope': no stack of the app exports it$/],
    ['an export name unknown at synth', { Parameters: { P: { Type: 'String' } }, Resources: { R: { Type: 'T', Properties: { V: { 'Fn::ImportValue': { Ref: 'P' } } } } } }, 'V', /the export name is not known at synth/],
    ['a reference to a missing resource', { Resources: { R: { Type: 'T', Properties: { V: { Ref: 'Ghost' } } } } }, 'V', /^S\/R V: Ref Ghost names no resource or parameter of stack S$/],
    ['a GetAtt of a missing resource', { Resources: { R: { Type: 'T', Properties: { V: { 'Fn::GetAtt': ['Ghost', 'Arn'] } } } } }, 'V', /Fn::GetAtt Ghost: no resource Ghost in stack S/],
    ['an unknown intrinsic', { Resources: { R: { Type: 'T', Properties: { V: { 'Fn::Frobnicate': ['x'] } } } } }, 'V', /unknown intrinsic function Fn::Frobnicate/],
    ['an unknown condition', { Resources: { R: { Type: 'T', Properties: { V: { 'Fn::If': ['Nope', 1, 2] } } } } }, 'V', /stack S has no condition Nope/],
    ['an index out of range', { Resources: { R: { Type: 'T', Properties: { V: { 'Fn::Select': [3, ['a']] } } } } }, 'V', /Fn::Select: index 3 is out of range \(the list has 1 items\)/],
    ['a missing mapping key', { Mappings: { M: { a: { b: 1 } } }, Resources: { R: { Type: 'T', Properties: { V: { 'Fn::FindInMap': ['M', 'x', 'b'] } } } } }, 'V', /mapping M has no "x" \/ "b"/],
    [
      'a circular reference',
      {
        Resources: {
          A: { Type: 'AWS::SecretsManager::SecretTargetAttachment', Properties: { SecretId: { Ref: 'B' } } },
          B: { Type: 'AWS::SecretsManager::SecretTargetAttachment', Properties: { SecretId: { Ref: 'A' } } },
          R: { Type: 'T', Properties: { V: { Ref: 'A' } } },
        },
      },
      'V',
      /^S\/R V: circular reference: Ref A \(S\) → Ref B \(S\) → Ref A \(S\)$/,
    ],
    ['a circular condition', { Conditions: { C: { Condition: 'D' }, D: { 'Fn::Not': [{ Condition: 'C' }] } }, Resources: { R: { Type: 'T', Properties: { V: { 'Fn::If': ['C', 1, 2] } } } } }, 'V', /circular reference: condition C \(S\) → condition D \(S\) → condition C \(S\)/],
  ])('%s', (_name, template, path, message) => {
    // GIVEN
    const { resolver, resource } = resolverOf({ path: 'S', template: template as any });
    // WHEN
    const res = resolver.resolve(resource('S', 'R'), path);
    // THEN
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.unresolved.message).toMatch(message);
      expect(res.unresolved).toMatchObject({ stack: 'S', logicalId: 'R', resource: 'S/R', property: path });
      expect(res.unresolved.value).toEqual((template as any).Resources.R.Properties[path]);
    }
  });

  test('a circular reference between a nested stack and its parent', () => {
    // GIVEN: the parent passes the child's own output back as its parameter
    const { values } = resolverOf(
      { path: 'P', template: { Resources: { Child: { Type: 'AWS::CloudFormation::Stack', Properties: { Parameters: { In: { 'Fn::GetAtt': ['Child', 'Outputs.Out'] } } } } } } },
      { path: 'P/Child', nestedIn: { stack: 'P', logicalId: 'Child' }, template: { Parameters: { In: { Type: 'String' } }, Resources: { R: { Type: 'T', Properties: { V: { Ref: 'In' } } } }, Outputs: { Out: { Value: { Ref: 'In' } } } } },
    );
    // WHEN / THEN
    expect(values('P/Child', 'R', 'V')).toBe('P/Child/R V: circular reference: parameter In of P/Child → output Out of P/Child → parameter In of P/Child');
  });

  test('a nested stack output whose template is not in the app', () => {
    // GIVEN
    const { values } = resolverOf({ path: 'P', template: { Resources: { Child: { Type: 'AWS::CloudFormation::Stack', Properties: {} }, R: { Type: 'T', Properties: { V: { 'Fn::GetAtt': ['Child', 'Outputs.Out'] } } } } } });
    // WHEN / THEN
    expect(values('P', 'R', 'V')).toMatch(/the template of nested stack P\/Child is not part of the app/);
  });

  test('a nested stack parameter nobody passes and without a default', () => {
    // GIVEN
    const { values } = resolverOf(
      { path: 'P', template: { Resources: { Child: { Type: 'AWS::CloudFormation::Stack', Properties: { Parameters: {} } } } } },
      { path: 'P/Child', nestedIn: { stack: 'P', logicalId: 'Child' }, template: { Parameters: { In: { Type: 'String' } }, Resources: { R: { Type: 'T', Properties: { V: { Ref: 'In' } } } } } },
    );
    // WHEN / THEN
    expect(values('P/Child', 'R', 'V')).toMatch(/parameter In of nested stack P\/Child: P\/Child passes no value and it has no default/);
  });

  test('results are memoized per resource and path', () => {
    // GIVEN
    const { resolver, resource } = resolverOf({ path: 'S', template: { Resources: { R: { Type: 'T', Properties: { V: { 'Fn::Join': ['', ['a', 'b']] } } } } } });
    // WHEN / THEN
    expect(resolver.resolve(resource('S', 'R'), 'V')).toBe(resolver.resolve(resource('S', 'R'), 'V'));
  });
});

describe('AssemblyResolver: imports stay within an account and region', () => {
  test('an export of another account is not what an import reads', () => {
    // GIVEN
    const { values } = resolverOf(
      { path: 'Audit', account: '222222222222', region: 'eu-west-1', template: { Resources: { B: bucket }, Outputs: { O: { Value: { Ref: 'B' }, Export: { Name: 'AuditBucket' } } } } },
      { path: 'Trail', account: '111111111111', region: 'eu-west-1', template: { Resources: { T: { Type: 'AWS::CloudTrail::Trail', Properties: { S3BucketName: { 'Fn::ImportValue': 'AuditBucket' } } } } } },
    );
    // WHEN / THEN
    expect(values('Trail', 'T', 'S3BucketName')).toBe("Trail/T S3BucketName: Fn::ImportValue 'AuditBucket': only Audit exports it, in another account or region (an import reads exports of its own account and region)");
  });
});

describe('AssemblyResolver: Fn::GetStackOutput (weak cross-stack references, the default of cdk init)', () => {
  const network = (overrides: Partial<TestStack> = {}): TestStack => ({
    path: 'Network', stackName: 'Network', account: '111111111111', region: 'eu-west-1',
    template: {
      Resources: { Subnet: { Type: 'AWS::EC2::Subnet', Properties: { AvailabilityZone: 'eu-west-1a' } } },
      Outputs: { SubnetOut: { Value: { Ref: 'Subnet' } } },
    },
    ...overrides,
  });
  const reader = (arg: object, overrides: Partial<TestStack> = {}): TestStack => ({
    path: 'Web', stackName: 'Web', account: '111111111111', region: 'eu-west-1',
    template: { Resources: { Lb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Subnets: [{ 'Fn::GetStackOutput': arg }] } } } },
    ...overrides,
  });

  test('follows the output of the stack deployed under that name, in the reading stack\'s region by default', () => {
    // GIVEN
    const { values, resource } = resolverOf(network(), reader({ StackName: 'Network', OutputName: 'SubnetOut' }));
    // WHEN / THEN
    expect(values('Web', 'Lb', 'Subnets')).toEqual([[new ResourceValue(resource('Network', 'Subnet'))]]);
  });

  test('Region and RoleArn choose among stacks deployed under one name in several regions and accounts', () => {
    // GIVEN
    const us = network({ path: 'NetworkUs', region: 'us-east-1' });
    const other = network({ path: 'NetworkOther', account: '222222222222' });
    const { values, resource } = resolverOf(network(), us, other,
      reader({ StackName: 'Network', OutputName: 'SubnetOut', Region: 'us-east-1' }, { path: 'WebA', stackName: 'WebA' }),
      reader({ StackName: 'Network', OutputName: 'SubnetOut', RoleArn: 'arn:aws:iam::222222222222:role/cdk-lookup' }, { path: 'WebB', stackName: 'WebB' }));
    // WHEN / THEN
    expect(values('WebA', 'Lb', 'Subnets')).toEqual([[new ResourceValue(resource('NetworkUs', 'Subnet'))]]);
    expect(values('WebB', 'Lb', 'Subnets')).toEqual([[new ResourceValue(resource('NetworkOther', 'Subnet'))]]);
  });

  test.each([
    ['no stack deployed under the name', { StackName: 'Nope', OutputName: 'SubnetOut' }, /Fn::GetStackOutput 'Nope': no stack of the app is deployed under that name/],
    ['an output the stack does not have', { StackName: 'Network', OutputName: 'Missing' }, /Fn::GetStackOutput 'Network': stack Network has no output Missing/],
    ['a stack of that name in another region only', { StackName: 'Network', OutputName: 'SubnetOut', Region: 'ap-south-1' }, /only Network is deployed under that name, in another account or region than 111111111111\/ap-south-1/],
    ['a stack name unknown at synth', { StackName: { Ref: 'AWS::StackName' }, OutputName: 'SubnetOut' }, /the stack name is not known at synth/],
  ])('what cannot be followed is named: %s', (_what, arg, message) => {
    // GIVEN
    const { values } = resolverOf(network(), reader(arg, { stackName: undefined }));
    // WHEN / THEN
    expect(values('Web', 'Lb', 'Subnets')).toMatch(message);
  });
});
