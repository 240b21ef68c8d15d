import * as fs from 'fs';
import * as path from 'path';
import { GROUP_ICONS, LOAD_BALANCER_KINDS, RESOURCE_KINDS, SERVICE_ICONS, SPECIAL_ICONS, VPC_ENDPOINT_KINDS, PLUMBING_TYPES, resourceKind } from '../../../lib/report/architecture/resource-kinds';
import { awsIconsDir, iconSymbol } from '../../../lib/report/diagram/icons';

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

  test('an icon becomes a symbol whose inner ids are its own: two icons never clash', () => {
    // GIVEN: an icon whose SVG uses an id (a clip path)
    const icon = 'architecture-service/AWSEndUserMessaging.svg';
    // WHEN
    const a = iconSymbol(icon, 'icon1');
    const b = iconSymbol(icon, 'icon2');
    // THEN
    expect(a).toMatch(/^<symbol id="icon1" viewBox="0 0 64 64" preserveAspectRatio="xMinYMin meet">/);
    const ids = (s: string) => [...s.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]).slice(1);
    expect(ids(a).length).toBeGreaterThan(0);
    for (const id of ids(a)) expect(id.startsWith('icon1-')).toBe(true);
    for (const ref of a.matchAll(/url\(#([^)]+)\)/g)) expect(ids(a)).toContain(ref[1]);
    expect(ids(a).filter((id) => ids(b).includes(id))).toEqual([]);
    expect(a).not.toContain('<title>');
    expect(() => iconSymbol('resource/NoSuchIcon.svg', 'x')).toThrow(/architecture icon resource\/NoSuchIcon.svg not found/);
  });
});
