import { aws_ec2 as ec2, CfnParameter, Stack, Stage } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { AUDIT, MANAGEMENT, stackIn } from '../fixture-stacks';

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'two L2 VPCs with the default 10.0.0.0/16 in different stacks',
      build: (app) => {
        new ec2.Vpc(stackIn(app, 'Hub', MANAGEMENT), 'Vpc', { natGateways: 0 });
        new ec2.Vpc(stackIn(app, 'Spoke', AUDIT), 'Vpc', { natGateways: 0 });
      },
      reason: /CIDR 10\.0\.0\.0\/16 overlaps 10\.0\.0\.0\/16 of VPC (Hub|Spoke)\/Vpc/,
    },
    {
      name: 'an additional block overlapping a VPC of another stage',
      build: (app) => {
        const prod = new Stage(app, 'Prod');
        new ec2.CfnVPC(stackIn(app, 'Shared'), 'Vpc', { cidrBlock: '10.20.0.0/16' });
        const s = new Stack(prod, 'App');
        const vpc = new ec2.CfnVPC(s, 'Vpc', { cidrBlock: '10.10.0.0/16' });
        new ec2.CfnVPCCidrBlock(s, 'Extra', { vpcId: vpc.ref, cidrBlock: '10.20.128.0/20' });
      },
      reason: /CIDR 10\.20\.128\.0\/20 overlaps 10\.20\.0\.0\/16/,
    },
    {
      name: 'CIDR allocated from an IPAM pool the app does not show, beside a VPC from elsewhere (unverifiable)',
      build: (app) => {
        new ec2.CfnVPC(stackIn(app, 'S'), 'Vpc', { ipv4IpamPoolId: 'ipam-pool-0123456789abcdef0', ipv4NetmaskLength: 16 });
        new ec2.CfnVPC(stackIn(app, 'T'), 'Vpc', { cidrBlock: '10.0.0.0/16' });
      },
      reason: /allocated at deploy time from IPAM pool ipam-pool-0123456789abcdef0, whose CIDRs are not in the app/,
    },
    {
      name: 'an IPAM pool of the app whose CIDR overlaps a VPC with a fixed block',
      build: (app) => {
        const s = stackIn(app, 'S');
        const pool = new ec2.CfnIPAMPool(s, 'Pool', { addressFamily: 'ipv4', ipamScopeId: 'ipam-scope-0123456789abcdef0', provisionedCidrs: [{ cidr: '10.0.0.0/8' }] });
        new ec2.CfnVPC(s, 'Pooled', { ipv4IpamPoolId: pool.attrIpamPoolId, ipv4NetmaskLength: 16 });
        new ec2.CfnVPC(s, 'Fixed', { cidrBlock: '10.20.0.0/16' });
      },
      reason: /CIDR allocated from IPAM pool S\/Pool \(10\.0\.0\.0\/8\) overlaps 10\.20\.0\.0\/16/,
    },
    {
      name: 'CIDR from a parameter (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new ec2.CfnVPC(s, 'Vpc', { cidrBlock: new CfnParameter(s, 'Cidr').valueAsString });
        new ec2.CfnVPC(s, 'Other', { cidrBlock: '172.16.0.0/12' });
      },
      reason: /could not verify the CIDR block: .*Ref/,
    },
  ],
  compliant: [
    {
      name: 'L2 VPCs of several stacks allocated from one IPAM pool (IPAM never allocates overlapping blocks from a pool)',
      build: (app) => {
        const ipam = ec2.IpAddresses.awsIpamAllocation({ ipv4IpamPoolId: 'ipam-pool-0123456789abcdef0', ipv4NetmaskLength: 16, defaultSubnetIpv4NetmaskLength: 20 });
        new ec2.Vpc(stackIn(app, 'Hub', MANAGEMENT), 'Vpc', { natGateways: 0, maxAzs: 2, ipAddresses: ipam });
        new ec2.Vpc(stackIn(app, 'Spoke', AUDIT), 'Vpc', { natGateways: 0, maxAzs: 2, ipAddresses: ipam });
      },
    },
    {
      name: 'an IPAM pool of the app whose CIDR is apart from a VPC with a fixed block',
      build: (app) => {
        const s = stackIn(app, 'S');
        const pool = new ec2.CfnIPAMPool(s, 'Pool', { addressFamily: 'ipv4', ipamScopeId: 'ipam-scope-0123456789abcdef0' });
        new ec2.CfnIPAMPoolCidr(s, 'PoolCidr', { ipamPoolId: pool.attrIpamPoolId, cidr: '10.128.0.0/9' });
        new ec2.CfnVPC(s, 'Pooled', { ipv4IpamPoolId: pool.attrIpamPoolId, ipv4NetmaskLength: 16 });
        new ec2.CfnVPC(s, 'Fixed', { cidrBlock: '10.20.0.0/16' });
      },
    },
    {
      name: 'L2 VPCs from one address plan across stacks',
      build: (app) => {
        new ec2.Vpc(stackIn(app, 'Hub', MANAGEMENT), 'Vpc', { natGateways: 0, ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16') });
        new ec2.Vpc(stackIn(app, 'Spoke', AUDIT), 'Vpc', { natGateways: 0, ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16') });
      },
    },
    {
      name: 'a VPC with an adjacent secondary block and an Amazon-provided IPv6 block',
      build: (app) => {
        const s = stackIn(app, 'S');
        const vpc = new ec2.CfnVPC(s, 'Vpc', { cidrBlock: '10.0.0.0/16' });
        new ec2.CfnVPCCidrBlock(s, 'Extra', { vpcId: vpc.ref, cidrBlock: '10.1.0.0/16' });
        new ec2.CfnVPCCidrBlock(s, 'V6', { vpcId: vpc.ref, amazonProvidedIpv6CidrBlock: true });
        new ec2.CfnVPC(s, 'Other', { cidrBlock: '172.16.0.0/12' });
      },
    },
  ],
};
