import * as fs from 'fs';
import * as path from 'path';
import { GROUP_ICONS, LOAD_BALANCER_KINDS, RESOURCE_KINDS, SERVICE_ICONS, SPECIAL_ICONS, VPC_ENDPOINT_KINDS, PLUMBING_TYPES } from '../../../lib/report/diagram/icon-table';
import { awsIconsDir, resourceKind } from '../../../lib/report/diagram/icons';

describe('icon table: every CloudFormation type maps to an official AWS icon that exists', () => {
  const icons = [
    ...Object.values(RESOURCE_KINDS).map((k) => k.icon),
    ...Object.values(LOAD_BALANCER_KINDS).map((k) => k.icon),
    ...Object.values(VPC_ENDPOINT_KINDS).map((k) => k.icon),
    ...Object.values(SERVICE_ICONS),
    ...Object.values(GROUP_ICONS),
    ...Object.values(SPECIAL_ICONS),
  ];

  test.each([...new Set(icons)])('%s', (icon) => {
    expect(fs.existsSync(path.join(awsIconsDir(), icon))).toBe(true);
  });

  test('no type is both drawn and plumbing', () => {
    expect(Object.keys(RESOURCE_KINDS).filter((t) => PLUMBING_TYPES.has(t))).toEqual([]);
  });

  test('load balancers and endpoints by their type; unknown types by their service; plumbing and custom resources not at all', () => {
    expect(resourceKind({ Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'gateway' } })?.label).toBe('Gateway LB');
    expect(resourceKind({ Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer' })?.label).toBe('Application LB');
    expect(resourceKind({ Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcEndpointType: 'Interface' } })?.label).toBe('Interface endpoint');
    expect(resourceKind({ Type: 'AWS::SQS::QueueInlinePolicy' })).toEqual({ icon: SERVICE_ICONS.SQS, label: 'SQS Queue Inline Policy', plural: 'SQS Queue Inline Policies' });
    expect(resourceKind({ Type: 'AWS::IAM::Policy' })).toBeUndefined();
    expect(resourceKind({ Type: 'Custom::VpcRestrictDefaultSG' })).toBeUndefined();
  });
});
