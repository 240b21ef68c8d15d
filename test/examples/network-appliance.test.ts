import { Match, Template } from 'aws-cdk-lib/assertions';
import { APPLIANCE_INSTANCE_TYPE, APPLIANCE_VPC_CIDR, deployment, METRICS_NAMESPACE } from '../../examples/network-appliance';
import { build as buildInteg } from '../../examples/network-appliance/integ.network-appliance';
import { supportsEna } from '../../lib/aws';
import { buildReference, describeConformance } from './conformance';

// GIVEN the reference configuration of cdk.json (placeholder accounts, explicit AZs)
// WHEN the network-appliance deployment builds its stage (once for the whole file)
const { config, stage, stacks } = buildReference(deployment);
const template = Template.fromStack(stacks[0]);

describe('network-appliance reference deployment', () => {
  test('one environment-specific stack in the workload account and primary region, under stage NetworkAppliance', () => {
    // THEN
    expect(stage.node.id).toBe(deployment.stageId);
    expect(stacks.map((s) => [s.account, s.region])).toEqual([[config.workloadAccount, config.primaryRegion]]);
  });

  test('its VPC block does not overlap the multi-az-vpc or windows-workload VPCs', () => {
    // THEN
    template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: APPLIANCE_VPC_CIDR });
    expect(APPLIANCE_VPC_CIDR).not.toMatch(/^10\.(10|30)\./);
  });

  test('ENA instances (c6in) with IMDSv2 and an encrypted root volume, autoscaled 3-6 across the 3 AZs on CPU', () => {
    // THEN
    expect(supportsEna(APPLIANCE_INSTANCE_TYPE)).toBe(true);
    template.hasResourceProperties('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: Match.objectLike({
        InstanceType: APPLIANCE_INSTANCE_TYPE,
        MetadataOptions: Match.objectLike({ HttpTokens: 'required' }),
        BlockDeviceMappings: [Match.objectLike({ Ebs: Match.objectLike({ Encrypted: true }) })],
      }),
    });
    template.hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', { MinSize: '3', MaxSize: '6', HealthCheckType: 'ELB' });
    const asg = Object.values(template.findResources('AWS::AutoScaling::AutoScalingGroup'))[0];
    expect(asg.Properties.VPCZoneIdentifier).toHaveLength(3);
    template.hasResourceProperties('AWS::AutoScaling::ScalingPolicy', { PolicyType: 'TargetTrackingScaling' });
  });

  test('a Gateway Load Balancer across the AZs, a health-checked GENEVE target group, and a GWLB endpoint in every AZ', () => {
    // THEN
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Type: 'gateway', LoadBalancerAttributes: [{ Key: 'load_balancing.cross_zone.enabled', Value: 'true' }, { Key: 'deletion_protection.enabled', Value: 'true' }] });
    const lb = Object.values(template.findResources('AWS::ElasticLoadBalancingV2::LoadBalancer'))[0];
    expect(lb.Properties.Subnets).toHaveLength(3);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { Protocol: 'GENEVE', Port: 6081, HealthCheckEnabled: true, HealthCheckPort: '80' });
    const endpoints = Object.values(template.findResources('AWS::EC2::VPCEndpoint', { Properties: { VpcEndpointType: 'GatewayLoadBalancer' } }));
    expect(endpoints).toHaveLength(3);
    const subnets = endpoints.map((e) => e.Properties.SubnetIds[0].Ref);
    const subnetAzs = subnets.map((id) => template.toJSON().Resources[id].Properties.AvailabilityZone);
    expect(subnetAzs.sort()).toEqual([...config.availabilityZones[config.primaryRegion]].sort());
  });

  test('user data bootstraps the appliance from S3 (script and configuration assets)', () => {
    // THEN
    const lt = Object.values(template.findResources('AWS::EC2::LaunchTemplate'))[0];
    const script = JSON.stringify(lt.Properties.LaunchTemplateData.UserData);
    expect(script).toMatch(/aws s3 cp --region \\"\$REGION\\" s3:\/\/cdk-hnb659fds-assets-333333333333-eu-west-1\/[0-9a-f]{64}\.sh/);
    expect(script).toMatch(/configuration\.json/);
  });

  test('custom metrics in its own namespace, each alarmed with an action on an encrypted topic', () => {
    // THEN
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(alarms)).toContain(METRICS_NAMESPACE);
    for (const a of alarms) expect(a.Properties.AlarmActions).toHaveLength(1);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
  });

  describeConformance(deployment, stage, stacks, buildInteg);
});
