// NetworkApplianceGroup under arbitrary props: a template or a clear ValidationError (see fuzz-harness.ts).
// The VPC is imported (fromVpcAttributes) so its AZs can be fuzzed too and each run stays cheap.
import * as path from 'path';
import { App, Duration, Stack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as fc from 'fast-check';
import { NetworkApplianceGroup, NetworkApplianceGroupProps } from '../../constructs';
import { ValidationError } from '../../constructs/core';
import { compact, describeFuzz, FieldSpec, FUZZ_ENV, oddString, unresolvedNumber, unresolvedString } from './fuzz-harness';

const PROPS = [
  'vpc', 'vpcSubnets', 'instanceType', 'machineImage', 'minCapacity', 'maxCapacity', 'targetCpuUtilization', 'scalingMetric', 'scalingTarget',
  'healthCheckGracePeriod', 'rootVolumeSizeGiB', 'bootstrapScript', 'bootstrapScriptFile', 'configuration', 'routing', 'failover',
  'gatewayLoadBalancerEndpointSubnets', 'listenerPorts', 'failoverRoutes', 'healthCheck', 'ingress', 'egress', 'metricsNamespace',
  'alarmTopic', 'alarmThresholds', 'logGroup', 'logRetention', 'logFiles', 'dashboardName',
];
const OPTIONS = { construct: 'NetworkApplianceGroup', props: PROPS };
const BOOTSTRAP_FILE = path.join(__dirname, '..', '..', 'examples', 'network-appliance', 'bootstrap.sh');

const peerSpec = fc.constantFrom('10.0.0.0/8', '192.168.0.0/16', 'prefix-list');
const openPeer = fc.constantFrom('0.0.0.0/0', '::/0', 'any-ipv4', 'any-ipv6');
const rules = (peers: fc.Arbitrary<string>) => fc.array(fc.record({ peer: peers, port: fc.integer({ min: 1, max: 65535 }) }), { minLength: 1, maxLength: 2 });
const port = fc.integer({ min: 1, max: 65535 });
const badPort = fc.oneof(fc.constantFrom(0, -1, 65536, 80.5, NaN), unresolvedNumber);

// Besides the props: 'azs' (the subnets' AZs of the imported VPC), 'bootstrap' (which script props), 'scaling'
// (metric and target), 'importedLogGroup' (bring a log group).
const SPEC: { [prop: string]: FieldSpec } = {
  azs: { valid: fc.constantFrom(['eu-west-1a', 'eu-west-1b'], ['eu-west-1a', 'eu-west-1b', 'eu-west-1c']), invalid: fc.constantFrom(['eu-west-1a'], ['eu-west-1a', 'eu-west-1a']), required: true, noWrongType: true },
  instanceType: { valid: fc.constantFrom('c6in.large', 'c7g.large', 'm5.xlarge'), invalid: fc.constantFrom('t2.micro', 'm4.large', 'c4.large', 'zz9.huge', 'c6in'), unresolved: unresolvedString, noWrongType: true },
  minCapacity: { valid: fc.integer({ min: 2, max: 4 }), invalid: fc.constantFrom(-1, 0, 1, 2.5, NaN), unresolved: unresolvedNumber },
  maxCapacity: { valid: fc.integer({ min: 4, max: 10 }), invalid: fc.constantFrom(-1, 0, 1, 6.5, NaN), unresolved: unresolvedNumber },
  targetCpuUtilization: { valid: fc.integer({ min: 1, max: 100 }), invalid: fc.constantFrom(0, -5, 101, 1000, NaN), unresolved: unresolvedNumber },
  scaling: { valid: fc.constant('metric+target'), invalid: fc.constantFrom('metric', 'target'), noWrongType: true },
  scalingTarget: { valid: fc.integer({ min: 1, max: 1000 }), invalid: fc.constantFrom(-1, NaN), unresolved: unresolvedNumber },
  healthCheckGracePeriod: { valid: fc.constantFrom(Duration.minutes(5), Duration.seconds(30)) },
  rootVolumeSizeGiB: { valid: fc.integer({ min: 8, max: 100 }), invalid: fc.constantFrom(0, 7, 16385, 20.5, -1), unresolved: unresolvedNumber },
  bootstrap: { valid: fc.constantFrom('script', 'file'), invalid: fc.constantFrom('both', 'none', 'blank', 'missing-file', 'directory'), required: true, noWrongType: true },
  configuration: { valid: fc.constantFrom({ mode: 'inspect' }, { ports: [443] }), invalid: fc.constant('token') },
  routing: { valid: fc.boolean() },
  failover: { valid: fc.constantFrom('gwlb', 'nlb'), invalid: fc.oneof(fc.constantFrom('GWLB', 'alb', 'route'), oddString) },
  listenerPorts: { invalid: fc.oneof(fc.constantFrom([], [0], [70000], [443, -1]), fc.array(port, { minLength: 1, maxLength: 2 })) },
  failoverRoutes: {
    invalid: fc.oneof(
      fc.array(fc.record({ routeTableId: fc.constant('rtb-0123456789abcdef0'), destinationCidrBlock: fc.constantFrom('0.0.0.0/0', '10.20.0.0/16') }), { minLength: 1, maxLength: 2 }),
      fc.array(
        fc.record({
          routeTableId: fc.oneof(fc.constantFrom('rtb-', 'rtb-XYZ', 'subnet-0123456789abcdef0'), oddString, unresolvedString),
          destinationCidrBlock: fc.oneof(fc.constantFrom('10.20.0.1/16', '10.20.0.0/33', '0.0.0.0'), oddString, unresolvedString),
        }),
        { maxLength: 2 },
      ),
    ),
  },
  healthCheck: {
    valid: fc.oneof(fc.record({ port, protocol: fc.constant('TCP') }), fc.record({ port, protocol: fc.constantFrom('HTTP', 'HTTPS'), path: fc.constantFrom('/', '/health') })),
    invalid: fc.oneof(fc.record({ port: badPort }), fc.record({ protocol: fc.constant('TCP'), path: fc.constantFrom('/', '') })),
  },
  ingress: { valid: rules(peerSpec), invalid: rules(openPeer), noWrongType: true },
  egress: { valid: rules(peerSpec), noWrongType: true },
  metricsNamespace: { valid: fc.constantFrom('NetworkAppliance', 'Vendor/Firewall'), invalid: fc.oneof(fc.constantFrom('AWS/EC2', 'a b', 'x'.repeat(256)), oddString), unresolved: unresolvedString },
  importedLogGroup: { valid: fc.constant(false), invalid: fc.constant(true), noWrongType: true },
  logRetention: {
    valid: fc.constantFrom(logs.RetentionDays.ONE_YEAR, logs.RetentionDays.TEN_YEARS),
    invalid: fc.constantFrom(logs.RetentionDays.ONE_WEEK, 0, -1, NaN),
    unresolved: unresolvedNumber,
  },
  logFiles: { valid: fc.constantFrom(['/var/log/messages'], []), invalid: fc.constantFrom(['var/log/messages'], ['']) },
  alarmThresholds: {
    valid: fc.record({ openSessions: fc.integer({ min: 0, max: 1e6 }), droppedPacketsPerMinute: fc.integer({ min: 0, max: 1e4 }) }, { requiredKeys: [] }),
    invalid: fc.record({ openSessions: fc.constantFrom(-1, NaN), ppsAllowanceExceededPerMinute: fc.constantFrom(-0.5, -100) }, { requiredKeys: [] }),
    unresolved: fc.record({ openSessions: unresolvedNumber }),
  },
  dashboardName: { valid: fc.constantFrom('appliances', 'Firewall-Dashboard'), invalid: fc.oneof(fc.constantFrom('has space', 'x'.repeat(300)), oddString), unresolved: unresolvedString },
};

type Generated = Record<string, any>;

const peer = (spec: string): ec2.IPeer => {
  switch (spec) {
    case 'any-ipv4': return ec2.Peer.anyIpv4();
    case 'any-ipv6': return ec2.Peer.anyIpv6();
    case 'prefix-list': return ec2.Peer.prefixList('pl-0123456789abcdef0');
    case '::/0': return ec2.Peer.ipv6(spec);
    default: return ec2.Peer.ipv4(spec);
  }
};

function propsFor(stack: Stack, g: Generated): NetworkApplianceGroupProps {
  // 'azs' left out (the wrong-types property drops required fields) stands for a missing vpc.
  const vpc = g.azs === undefined ? undefined : ec2.Vpc.fromVpcAttributes(stack, 'ImportedVpc', {
    vpcId: 'vpc-0123456789abcdef0',
    vpcCidrBlock: '10.0.0.0/16',
    availabilityZones: g.azs,
    privateSubnetIds: (g.azs as string[]).map((_, i) => `subnet-0123456789abcde${i}f`),
    privateSubnetRouteTableIds: (g.azs as string[]).map((_, i) => `rtb-0123456789abcde${i}f`),
  });
  const bootstrap = ({
    'script': { bootstrapScript: '#!/bin/bash\necho configure' },
    'file': { bootstrapScriptFile: BOOTSTRAP_FILE },
    'both': { bootstrapScript: 'echo', bootstrapScriptFile: BOOTSTRAP_FILE },
    'none': {},
    'blank': { bootstrapScript: '  \n' },
    'missing-file': { bootstrapScriptFile: '/nonexistent/bootstrap.sh' },
    'directory': { bootstrapScriptFile: __dirname },
  } as Record<string, object>)[g.bootstrap];
  const metric = new cloudwatch.Metric({ namespace: 'Vendor', metricName: 'Sessions' });
  const rules = (list: { peer: string; port: number }[] | undefined) => list?.map((r) => ({ peer: peer(r.peer), port: ec2.Port.tcp(r.port) }));
  return compact({
    vpc,
    instanceType: g.instanceType === undefined ? undefined : new ec2.InstanceType(g.instanceType),
    minCapacity: g.minCapacity,
    maxCapacity: g.maxCapacity,
    targetCpuUtilization: g.targetCpuUtilization,
    scalingMetric: g.scaling?.startsWith('metric') ? metric : undefined,
    scalingTarget: g.scaling?.endsWith('target') ? (g.scalingTarget ?? 100) : undefined,
    healthCheckGracePeriod: g.healthCheckGracePeriod,
    rootVolumeSizeGiB: g.rootVolumeSizeGiB,
    ...bootstrap,
    configuration: g.configuration === 'token' ? { bucket: Token.asString({ Ref: 'ConfigBucket' }) } : g.configuration,
    routing: g.routing,
    failover: g.failover ?? (g.failoverRoutes !== undefined ? 'route' : g.listenerPorts !== undefined ? 'nlb' : undefined),
    listenerPorts: g.listenerPorts,
    failoverRoutes: g.failoverRoutes,
    healthCheck: g.healthCheck,
    ingress: rules(g.ingress),
    egress: rules(g.egress),
    metricsNamespace: g.metricsNamespace,
    logGroup: g.importedLogGroup ? logs.LogGroup.fromLogGroupName(stack, 'CentralLogs', 'central-appliance-logs') : undefined,
    logRetention: g.logRetention,
    logFiles: g.logFiles,
    alarmThresholds: g.alarmThresholds,
    dashboardName: g.dashboardName,
  } as Record<string, unknown>) as unknown as NetworkApplianceGroupProps;
}

describeFuzz(
  OPTIONS,
  SPEC,
  {
    typed: 12,
    wrongTypes: 5,
  },
  (stack, g) => new NetworkApplianceGroup(stack, 'Appliances', propsFor(stack, g)),
);

// Found by this suite and fixed in constructs/network-appliance-group/validation.ts: aws-cloudwatch threw its own
// error ("The value ... for field dashboardName contains invalid characters") or CloudFormation would refuse the name.
describe('NetworkApplianceGroup: regressions found by fuzzing', () => {
  test.each([' ', 'has space', 'x'.repeat(256), 'ünïcödé'])('dashboardName %p is a ValidationError', (dashboardName) => {
    // GIVEN / WHEN / THEN
    const build = () => {
      const stack = new Stack(new App(), 'Fuzz', { env: FUZZ_ENV });
      return new NetworkApplianceGroup(stack, 'Appliances', { ...propsFor(stack, { azs: ['eu-west-1a', 'eu-west-1b'], bootstrap: 'script' }), dashboardName });
    };
    expect(build).toThrow(ValidationError);
    expect(build).toThrow(/^NetworkApplianceGroup: 'dashboardName' must be 1–255 letters, digits, hyphens or underscores .*, got '/);
  });

  // Wrong JavaScript types (checkPropTypes): a TypeError, or '[object Object]' in the maxCapacity message.
  test.each([
    ['a missing vpc', { vpc: undefined }, /^NetworkApplianceGroup: 'vpc' is required, got nothing$/],
    ['minCapacity as an object', { minCapacity: {} }, /^NetworkApplianceGroup: 'minCapacity' must be a number, got \{\}$/],
    ['listenerPorts as a number', { listenerPorts: 443 }, /^NetworkApplianceGroup: 'listenerPorts' must be a list of numbers, got 443$/],
    ['a logFiles entry as a number', { logFiles: ['/var/log/messages', 7] }, /^NetworkApplianceGroup: 'logFiles\[1\]' must be a string, got 7$/],
  ])('%s is a ValidationError', (_, override, message) => {
    // GIVEN / WHEN / THEN
    const build = () => {
      const stack = new Stack(new App(), 'Fuzz', { env: FUZZ_ENV });
      return new NetworkApplianceGroup(stack, 'Appliances', { ...propsFor(stack, { azs: ['eu-west-1a', 'eu-west-1b'], bootstrap: 'script' }), ...override } as unknown as NetworkApplianceGroupProps);
    };
    expect(build).toThrow(ValidationError);
    expect(build).toThrow(message);
  });
});
