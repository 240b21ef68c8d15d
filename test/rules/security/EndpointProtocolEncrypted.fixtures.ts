import { aws_ec2 as ec2, aws_lambda as lambda, aws_route53resolver as resolver, aws_transfer as transfer, aws_vpclattice as lattice, CfnParameter, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

/** A Route 53 Resolver endpoint (L1) in an L2 VPC over two zones. */
function resolverEndpoint(s: Stack, direction: 'INBOUND' | 'OUTBOUND', protocols?: string[]): void {
  const vpc = new ec2.Vpc(s, `${direction}Vpc`, { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Dns', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  const sg = new ec2.SecurityGroup(s, `${direction}Sg`, { vpc, allowAllOutbound: false });
  new resolver.CfnResolverEndpoint(s, direction, { direction, protocols, securityGroupIds: [sg.securityGroupId], ipAddresses: vpc.isolatedSubnets.map((x) => ({ subnetId: x.subnetId })) });
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'a Transfer Family server that accepts FTP (L1)', build: (app) => { new transfer.CfnServer(stackIn(app, 'S'), 'Ftp', { protocols: ['SFTP', 'FTP'], endpointType: 'VPC' }); }, reason: /accepts FTP, which carries files and passwords in clear/ },
    { name: 'a VPC Lattice listener speaking HTTP (L1)', build: (app) => { new lattice.CfnListener(stackIn(app, 'S'), 'Http', { protocol: 'HTTP', defaultAction: { fixedResponse: { statusCode: 404 } } }); }, reason: /speaks HTTP, which carries data in clear/ },
    {
      name: 'server protocols from a template parameter (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new transfer.CfnServer(s, 'Server', { protocols: new CfnParameter(s, 'Protocols', { type: 'CommaDelimitedList' }).valueAsList });
      },
      reason: /could not verify/,
    },
  ],
  compliant: [
    {
      name: 'endpoints encrypted by design (an IPsec VPN connection, a function URL) and the endpoints the template chooses well (an SFTP server by default, an HTTPS Lattice listener)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0, vpnGateway: true, vpnConnections: { Office: { ip: '203.0.113.10' } } });
        new lambda.Function(s, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({})') }).addFunctionUrl();
        new transfer.CfnServer(s, 'Sftp', {});
        new lattice.CfnListener(s, 'Https', { protocol: 'HTTPS', defaultAction: { fixedResponse: { statusCode: 404 } } });
      },
    },
    {
      name: 'Resolver endpoints speaking DNS over HTTPS only: an inbound DoH-FIPS endpoint, an outbound DoH endpoint',
      build: (app) => {
        const s = stackIn(app, 'S');
        resolverEndpoint(s, 'INBOUND', ['DoH-FIPS']);
        resolverEndpoint(s, 'OUTBOUND', ['DoH']);
      },
    },
  ],
  notShown: [
    { name: 'an inbound Resolver endpoint without Protocols (Do53): the connection its queries cross decides', build: (app) => { resolverEndpoint(stackIn(app, 'S'), 'INBOUND'); }, reason: /Protocols is not set, which AWS treats as Do53: DNS on port 53 is in clear/ },
    { name: 'an outbound Resolver endpoint speaking Do53 beside DoH', build: (app) => { resolverEndpoint(stackIn(app, 'S'), 'OUTBOUND', ['Do53', 'DoH']); }, reason: /the endpoint speaks Do53: .*Site-to-Site VPN/ },
    { name: 'an AS2 server: messages are encrypted when the partner agreement asks, which the template does not hold', build: (app) => { new transfer.CfnServer(stackIn(app, 'S'), 'As2', { protocols: ['AS2'], endpointType: 'VPC' }); }, reason: /AS2 runs over HTTP and encrypts a message only when the partner agreement asks for it/ },
  ],
};
