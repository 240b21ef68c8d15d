import { launchesOf, LaunchResolution } from '../../../lib/aws';
import { resolverOf } from './helpers';

const template = (data: Record<string, unknown>, name?: string) => ({ Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateName: name, LaunchTemplateData: data } });

/** Each launch as `{ sources, settings: { setting: '<from logical id>:<path>' } }`. */
function summary(res: LaunchResolution) {
  if (!res.ok) return res.unresolved.message;
  return res.launches.map((l) => ({
    sources: l.sources.map((s) => s.logicalId),
    ...(l.override !== undefined ? { override: l.override } : {}),
    settings: Object.fromEntries([...l.settings].map(([k, v]) => [k, `${v.from.logicalId}:${v.path}`])),
  }));
}

describe('launchesOf: what instances launch with, and from where', () => {
  test('an instance without a launch template reads its own properties', () => {
    // GIVEN
    const { resolver, resource } = resolverOf({ path: 'S', template: { Resources: { I: { Type: 'AWS::EC2::Instance', Properties: { InstanceType: 't3.micro', ImageId: 'ami-1' } } } } });
    // WHEN / THEN
    expect(summary(launchesOf(resolver, resource('S', 'I')))).toEqual([{ sources: ['I'], settings: { ImageId: 'I:ImageId', InstanceType: 'I:InstanceType' } }]);
  });

  test('an instance\'s own properties override its launch template\'s, which gives the rest (by id)', () => {
    // GIVEN
    const { resolver, resource } = resolverOf({
      path: 'S',
      template: {
        Resources: {
          Lt: template({ InstanceType: 'm5.large', MetadataOptions: { HttpTokens: 'required' }, BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { Encrypted: true } }] }),
          I: { Type: 'AWS::EC2::Instance', Properties: { InstanceType: 'c6in.large', LaunchTemplate: { LaunchTemplateId: { Ref: 'Lt' }, Version: { 'Fn::GetAtt': ['Lt', 'LatestVersionNumber'] } } } },
        },
      },
    });
    // WHEN / THEN
    expect(summary(launchesOf(resolver, resource('S', 'I')))).toEqual([{
      sources: ['I', 'Lt'],
      settings: { InstanceType: 'I:InstanceType', MetadataOptions: 'Lt:LaunchTemplateData/MetadataOptions', BlockDeviceMappings: 'Lt:LaunchTemplateData/BlockDeviceMappings' },
    }]);
  });

  test('a template found by its literal name and the version attribute (what requireImdsv2 writes)', () => {
    // GIVEN
    const { resolver, resource } = resolverOf({
      path: 'S',
      template: {
        Resources: {
          Lt: template({ MetadataOptions: { HttpTokens: 'required' } }, 'InstanceLaunchTemplate'),
          I: { Type: 'AWS::EC2::Instance', Properties: { LaunchTemplate: { LaunchTemplateName: 'InstanceLaunchTemplate', Version: { 'Fn::GetAtt': ['Lt', 'LatestVersionNumber'] } } } },
          ByVersion: { Type: 'AWS::EC2::Instance', Properties: { LaunchTemplate: { LaunchTemplateName: 'renamed-at-deploy', Version: { 'Fn::GetAtt': ['Lt', 'LatestVersionNumber'] } } } },
        },
      },
    });
    // WHEN / THEN
    expect(summary(launchesOf(resolver, resource('S', 'I')))).toEqual([{ sources: ['I', 'Lt'], settings: { MetadataOptions: 'Lt:LaunchTemplateData/MetadataOptions' } }]);
    expect(summary(launchesOf(resolver, resource('S', 'ByVersion')))).toMatch(/LaunchTemplateName: AWS::EC2::LaunchTemplate 'renamed-at-deploy' is not part of the app/);
  });

  test('a group launches from its launch configuration', () => {
    // GIVEN
    const { resolver, resource } = resolverOf({
      path: 'S',
      template: {
        Resources: {
          Lc: { Type: 'AWS::AutoScaling::LaunchConfiguration', Properties: { InstanceType: 't3.small', ImageId: 'ami-1', MetadataOptions: { HttpTokens: 'optional' } } },
          Asg: { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { LaunchConfigurationName: { Ref: 'Lc' }, MinSize: '1', MaxSize: '2' } },
        },
      },
    });
    // WHEN / THEN
    expect(summary(launchesOf(resolver, resource('S', 'Asg')))).toEqual([{ sources: ['Asg', 'Lc'], settings: { ImageId: 'Lc:ImageId', InstanceType: 'Lc:InstanceType', MetadataOptions: 'Lc:MetadataOptions' } }]);
  });

  test('a group with mixed instances: one launch per override, the override\'s type over the template\'s, and its own template when it names one', () => {
    // GIVEN
    const { resolver, resource } = resolverOf({
      path: 'S',
      template: {
        Resources: {
          Lt: template({ InstanceType: 'm5.large', UserData: 'x' }),
          Arm: template({ ImageId: 'ami-arm' }),
          Asg: {
            Type: 'AWS::AutoScaling::AutoScalingGroup',
            Properties: {
              MixedInstancesPolicy: {
                LaunchTemplate: {
                  LaunchTemplateSpecification: { LaunchTemplateId: { Ref: 'Lt' }, Version: '1' },
                  Overrides: [{ InstanceType: 'c6in.large' }, { InstanceType: 'c7g.large', LaunchTemplateSpecification: { LaunchTemplateId: { Ref: 'Arm' }, Version: '1' } }],
                },
              },
            },
          },
        },
      },
    });
    // WHEN / THEN
    expect(summary(launchesOf(resolver, resource('S', 'Asg')))).toEqual([
      { sources: ['Asg', 'Lt'], override: 0, settings: { InstanceType: 'Asg:MixedInstancesPolicy/LaunchTemplate/Overrides/0/InstanceType', UserData: 'Lt:LaunchTemplateData/UserData' } },
      { sources: ['Asg', 'Arm'], override: 1, settings: { ImageId: 'Arm:LaunchTemplateData/ImageId', InstanceType: 'Asg:MixedInstancesPolicy/LaunchTemplate/Overrides/1/InstanceType' } },
    ]);
  });

  test('a group in one stack launches from a template exported by another', () => {
    // GIVEN
    const { resolver, resource } = resolverOf(
      { path: 'Shared', template: { Resources: { Lt: template({ MetadataOptions: { HttpTokens: 'required' } }) }, Outputs: { LtId: { Value: { Ref: 'Lt' }, Export: { Name: 'LtId' } } } } },
      { path: 'App', template: { Resources: { Asg: { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { LaunchTemplate: { LaunchTemplateId: { 'Fn::ImportValue': 'LtId' }, Version: '$Latest' } } } } } },
    );
    // WHEN / THEN
    expect(summary(launchesOf(resolver, resource('App', 'Asg')))).toEqual([{ sources: ['Asg', 'Lt'], settings: { MetadataOptions: 'Lt:LaunchTemplateData/MetadataOptions' } }]);
  });

  test('launch data chosen by Fn::If: the settings of every branch are read', () => {
    // GIVEN
    const { resolver, resource } = resolverOf({
      path: 'S',
      template: {
        Parameters: { Env: { Type: 'String' } },
        Conditions: { Prod: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
        Resources: { Lt: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { 'Fn::If': ['Prod', { MetadataOptions: { HttpTokens: 'required' } }, { InstanceType: 't3.micro' }] } } } },
      },
    });
    // WHEN
    const res = launchesOf(resolver, resource('S', 'Lt'));
    // THEN
    expect(summary(res)).toEqual([{ sources: ['Lt'], settings: { MetadataOptions: 'Lt:LaunchTemplateData/MetadataOptions', InstanceType: 'Lt:LaunchTemplateData/InstanceType' } }]);
    expect(res.ok && resolver.resolve(res.launches[0].settings.get('MetadataOptions')!.from, 'LaunchTemplateData/MetadataOptions/HttpTokens')).toMatchObject({ ok: true, values: [{ value: 'required' }, { value: undefined }] });
  });

  test('a template outside the app, or unknown at synth, is reported', () => {
    // GIVEN
    const { resolver, resource } = resolverOf({
      path: 'S',
      template: {
        Parameters: { LtId: { Type: 'String' } },
        Resources: {
          Literal: { Type: 'AWS::EC2::Instance', Properties: { LaunchTemplate: { LaunchTemplateId: 'lt-0123456789abcdef0', Version: '1' } } },
          Param: { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { LaunchTemplate: { LaunchTemplateId: { Ref: 'LtId' }, Version: '1' } } },
          Wrong: { Type: 'AWS::EC2::Instance', Properties: { LaunchTemplate: { LaunchTemplateId: { Ref: 'Param' } } } },
        },
      },
    });
    // WHEN / THEN
    expect(summary(launchesOf(resolver, resource('S', 'Literal')))).toBe("S/Literal LaunchTemplate/LaunchTemplateId: AWS::EC2::LaunchTemplate 'lt-0123456789abcdef0' is not part of the app");
    expect(summary(launchesOf(resolver, resource('S', 'Param')))).toMatch(/LaunchTemplate\/LaunchTemplateId: the AWS::EC2::LaunchTemplate is not known at synth \(parameter LtId of stack S\)/);
    expect(summary(launchesOf(resolver, resource('S', 'Wrong')))).toMatch(/it designates S\/Param \(AWS::AutoScaling::AutoScalingGroup\), not an AWS::EC2::LaunchTemplate/);
  });
});
