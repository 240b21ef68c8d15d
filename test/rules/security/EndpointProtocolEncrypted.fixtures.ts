import { aws_ec2 as ec2, aws_lambda as lambda, aws_transfer as transfer, aws_vpclattice as lattice, CfnParameter } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

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
  ],
  notShown: [
    { name: 'an AS2 server: messages are encrypted when the partner agreement asks, which the template does not hold', build: (app) => { new transfer.CfnServer(stackIn(app, 'S'), 'As2', { protocols: ['AS2'], endpointType: 'VPC' }); }, reason: /AS2 runs over HTTP and encrypts a message only when the partner agreement asks for it/ },
  ],
};
