// MultiAzVpc under arbitrary props: a template or a clear ValidationError (see fuzz-harness.ts).
import { App, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as fc from 'fast-check';
import { MultiAzVpc, MultiAzVpcProps } from '../../constructs';
import { ValidationError } from '../../constructs/core';
import { DATA_CLASSIFICATIONS } from '../../lib/conventions';
import { compact, describeFuzz, FieldSpec, FUZZ_ENV, oddString, unresolvedList, unresolvedNumber, unresolvedString } from './fuzz-harness';

const PROPS = [
  'availabilityZones', 'cidr', 'ipamPoolId', 'ipamNetmaskLength', 'subnetCidrMask', 'natGateways', 'flowLogBucket', 'flowLogBucketPrefix',
  'flowLogRetention', 'flowLogDataClassification', 'interfaceEndpoints', 'vpn', 'allowCidrOverlap', 'vpcName',
];
const OPTIONS = { construct: 'MultiAzVpc', props: PROPS };

const octet = fc.integer({ min: -1, max: 300 });
const malformedCidr = fc.oneof(
  fc.constantFrom('10.0.0.1/16', '10.0.0.0/8', '10.0.0.0/33', '10.0.0.0/29', '256.0.0.0/16', '10.0.0/16', '10.0.0.0', '10.0.0.0/', '/16', 'fe80::/64', '010.0.0.0/16', '10.0.0.0/16 ', '10.0.0.0//16'),
  fc.tuple(octet, octet, octet, octet, fc.integer({ min: -1, max: 40 })).map(([a, b, c, d, p]) => `${a}.${b}.${c}.${d}/${p}`),
  oddString,
);
const validCidr = fc.constantFrom('10.0.0.0/16', '172.16.0.0/20', '192.168.0.0/22', '10.20.0.0/18');

const badAzs = fc.oneof(
  fc.constantFrom(['eu-west-1a'], [], ['eu-west-1a', 'eu-west-1a'], ['eu-west-1a', 'eu-west-1b', 'eu-west-1a'], ['us-east-1a', 'us-east-1b'], ['eu-west-1', 'euw1-az1'], ['', 'eu-west-1b'], ['eu-west-1a', 'eu-west-1bb']),
);
const customerGateway = fc.record({ ip: fc.constantFrom('203.0.113.10', '198.51.100.10'), asn: fc.integer({ min: 1, max: 2_147_483_647 }) });
const badCustomerGateway = fc.record({
  ip: fc.oneof(fc.constantFrom('203.0.113.10', '203.0.113', '203.0.113.256', '::1', '10.0.0.1/32'), oddString, unresolvedString),
  asn: fc.oneof(fc.constantFrom(65000, 0, -1, 2_147_483_648, 1.5, NaN), unresolvedNumber),
});
const validVpn = fc.oneof(
  fc.record({ customerGateways: fc.array(customerGateway, { minLength: 1, maxLength: 2 }), amazonSideAsn: fc.constantFrom(undefined, 64_512, 65_000, 4_200_000_000) }),
  fc.record({ customerGateways: fc.array(customerGateway, { minLength: 1, maxLength: 2 }), transitGatewayId: fc.constant('tgw-0123456789abcdef0'), remoteCidrs: fc.array(validCidr, { maxLength: 2 }) }),
);
const invalidVpn = fc.record(
  {
    customerGateways: fc.array(fc.oneof(customerGateway, badCustomerGateway), { maxLength: 3 }),
    transitGatewayId: fc.oneof(fc.constantFrom('tgw-0123456789abcdef0', 'tgw-', 'tgw-XYZ', 'vgw-0123456789abcdef0'), oddString, unresolvedString),
    amazonSideAsn: fc.oneof(fc.constantFrom(64_512, 1, 65_535, 70_000, -1, 4_294_967_295, 64_512.5), unresolvedNumber),
    remoteCidrs: fc.array(fc.oneof(validCidr, malformedCidr), { maxLength: 2 }),
  },
  { requiredKeys: ['customerGateways'] },
);

const SPEC: { [prop: string]: FieldSpec } = {
  availabilityZones: { valid: fc.shuffledSubarray(['eu-west-1a', 'eu-west-1b', 'eu-west-1c'], { minLength: 2 }), invalid: badAzs, unresolved: unresolvedList },
  cidr: { valid: validCidr, invalid: malformedCidr, unresolved: unresolvedString },
  ipamPoolId: { invalid: fc.oneof(fc.constantFrom('ipam-pool-0123456789abcdef0', 'ipam-0123', 'ipam-pool-'), oddString), unresolved: unresolvedString },
  ipamNetmaskLength: { invalid: fc.constantFrom(-1, 0, 8, 16, 29, 32, 20.5) },
  subnetCidrMask: { valid: fc.integer({ min: 20, max: 28 }), invalid: fc.constantFrom(-1, 0, 15, 29, 33, 22.5, NaN), unresolved: unresolvedNumber },
  natGateways: { valid: fc.integer({ min: 1, max: 2 }), invalid: fc.constantFrom(-1, 0, 4, 99, 1.5, NaN), unresolved: unresolvedNumber },
  flowLogBucket: { invalid: fc.constant('imported'), noWrongType: true },
  flowLogBucketPrefix: { invalid: fc.oneof(fc.constantFrom('network', 'flow/logs'), oddString) },
  flowLogRetention: {
    valid: fc.constantFrom(logs.RetentionDays.ONE_YEAR, logs.RetentionDays.TWO_YEARS, logs.RetentionDays.INFINITE),
    invalid: fc.constantFrom(logs.RetentionDays.ONE_DAY, logs.RetentionDays.SIX_MONTHS, 0, -1, 400, NaN),
    unresolved: unresolvedNumber,
  },
  flowLogDataClassification: { valid: fc.constantFrom(...DATA_CLASSIFICATIONS), invalid: oddString },
  interfaceEndpoints: {
    valid: fc.subarray([ec2.InterfaceVpcEndpointAwsService.SSM, ec2.InterfaceVpcEndpointAwsService.STS]),
    invalid: fc.constant([ec2.InterfaceVpcEndpointAwsService.SSM, ec2.InterfaceVpcEndpointAwsService.SSM]),
  },
  vpn: { valid: validVpn, invalid: invalidVpn },
  allowCidrOverlap: { valid: fc.boolean() },
  vpcName: { valid: fc.constantFrom('shared-network', 'a'), invalid: oddString, unresolved: unresolvedString },
};

describeFuzz(OPTIONS, SPEC, { typed: 16, wrongTypes: 6 }, (stack, props) => {
  const { flowLogBucket, ...rest } = props;
  const bucket = flowLogBucket ? s3.Bucket.fromBucketName(stack, 'FlowLogs', 'central-flow-logs') : undefined;
  new MultiAzVpc(stack, 'Vpc', compact({ ...rest, flowLogBucket: bucket }) as MultiAzVpcProps);
});

// Found by this suite and fixed in constructs/multi-az-vpc/validation.ts: each crashed inside ec2.Vpc or the
// construct (TypeError, InvalidCidrRangeError, construct ID clash, unresolvable list) instead of a ValidationError.
describe('MultiAzVpc: regressions found by fuzzing', () => {
  const build = (props: MultiAzVpcProps) => () => new MultiAzVpc(new Stack(new App(), 'Fuzz', { env: FUZZ_ENV }), 'Vpc', props);

  test.each([
    ['cidr as an unresolved token', { cidr: Token.asString({ Ref: 'Cidr' }) }, /^MultiAzVpc: 'cidr' must be known at synth .*, got an unresolved token$/],
    ['subnetCidrMask as an unresolved token', { subnetCidrMask: Token.asNumber({ Ref: 'Mask' }) }, /^MultiAzVpc: 'subnetCidrMask' must be a number known at synth .*, got an unresolved token$/],
    ['availabilityZones as an unresolved list', { availabilityZones: Token.asList({ Ref: 'Azs' }) }, /^MultiAzVpc: 'availabilityZones' must be a list of AZ names known at synth .*, got an unresolved token list$/],
    ['an unknown flowLogDataClassification', { flowLogDataClassification: 'secret' }, /^MultiAzVpc: 'flowLogDataClassification' must be one of public, internal, confidential, restricted, got 'secret'$/],
    [
      'the same interface endpoint twice',
      { interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.SSM, ec2.InterfaceVpcEndpointAwsService.SSM] },
      /^MultiAzVpc: 'interfaceEndpoints' must not list a service twice, got 'ssm'$/,
    ],
    // Wrong JavaScript types (checkPropTypes): each was a TypeError.
    ['availabilityZones as a string', { availabilityZones: 'eu-west-1a' }, /^MultiAzVpc: 'availabilityZones' must be a list of strings, got 'eu-west-1a'$/],
    ['a vpn without customerGateways', { vpn: {} }, /^MultiAzVpc: 'vpn.customerGateways' is required, got nothing$/],
    ['vpn.customerGateways as an object', { vpn: { customerGateways: { ip: '203.0.113.10', asn: 65001 } } }, /^MultiAzVpc: 'vpn.customerGateways' must be a list of objects, got \{"ip":"203.0.113.10","asn":65001\}$/],
  ])('%s is a ValidationError', (_, props, message) => {
    // GIVEN / WHEN / THEN
    expect(build(props as MultiAzVpcProps)).toThrow(ValidationError);
    expect(build(props as MultiAzVpcProps)).toThrow(message);
  });
});
