import {
  aws_ec2 as ec2, aws_iam as iam, aws_lambda as lambda, aws_route53resolver as resolver, aws_sns as sns, aws_sns_subscriptions as subs, aws_sqs as sqs, aws_transfer as transfer, aws_vpclattice as lattice, CfnCondition, CfnParameter, Fn,
  Stack,
} from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

/** A Route 53 Resolver endpoint (L1) in an L2 VPC over two zones. */
function resolverEndpoint(s: Stack, direction: 'INBOUND' | 'OUTBOUND', protocols?: string[]): void {
  const vpc = new ec2.Vpc(s, `${direction}Vpc`, { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Dns', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  const sg = new ec2.SecurityGroup(s, `${direction}Sg`, { vpc, allowAllOutbound: false });
  new resolver.CfnResolverEndpoint(s, direction, { direction, protocols, securityGroupIds: [sg.securityGroupId], ipAddresses: vpc.isolatedSubnets.map((x) => ({ subnetId: x.subnetId })) });
}

/**
 * A partner-style Transfer Family connector (aws-cdk-lib has no L2): an L2 access role Transfer Family assumes, an L2
 * logging role, and either an SFTP configuration or an AS2 configuration with the given encryption algorithm.
 */
function partnerConnector(s: Stack, id: string, url: string, encryptionAlgorithm?: string): transfer.CfnConnector {
  const role = new iam.Role(s, `${id}Access`, { assumedBy: new iam.ServicePrincipal('transfer.amazonaws.com') });
  const logging = new iam.Role(s, `${id}Logging`, { assumedBy: new iam.ServicePrincipal('transfer.amazonaws.com') });
  const sftp = url.startsWith('sftp://');
  return new transfer.CfnConnector(s, id, {
    url, accessRole: role.roleArn, loggingRole: logging.roleArn,
    ...(sftp
      ? { sftpConfig: { userSecretId: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:partner-sftp', trustedHostKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample'] } }
      // As2Config is untyped JSON in aws-cdk-lib (`any`): it goes to the template as written, in CloudFormation's names.
      : { as2Config: { LocalProfileId: 'p-1111111111111111', PartnerProfileId: 'p-2222222222222222', MessageSubject: 'orders', SigningAlgorithm: 'SHA256', MdnResponse: 'SYNC', ...(encryptionAlgorithm ? { EncryptionAlgorithm: encryptionAlgorithm } : {}) } }),
  });
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'partner-style AS2 connector sending unencrypted messages (EncryptionAlgorithm NONE) over http://',
      build: (app) => { partnerConnector(stackIn(app, 'S'), 'Edi', 'http://as2.partner.example.com:4080', 'NONE'); },
      reason: /the AS2 connector sends its messages unencrypted \(EncryptionAlgorithm NONE\) over HTTP/,
    },
    {
      name: 'L1 connector whose URL comes from a parameter (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new transfer.CfnConnector(s, 'Edi', { url: new CfnParameter(s, 'PartnerUrl').valueAsString, accessRole: 'arn:aws:iam::111111111111:role/edi', as2Config: { EncryptionAlgorithm: 'AES256_CBC' } });
      },
      reason: /could not verify the connector's Url/,
    },
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
    {
      name: 'an SNS topic with an http URL subscription (L2): each message is posted in clear to a public endpoint',
      build: (app) => { new sns.Topic(stackIn(app, 'S'), 'Orders').addSubscription(new subs.UrlSubscription('http://hooks.partner.example.com/orders')); },
      reason: /the subscription delivers each message in clear to http:\/\/hooks\.partner\.example\.com\/orders \(protocol http\): .*Amazon SNS does not currently support private HTTP\(S\) endpoints/,
    },
    {
      name: 'a topic whose own Subscription list posts over http in one Fn::If branch (L1)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const secure = new CfnCondition(s, 'Secure', { expression: Fn.conditionEquals(new CfnParameter(s, 'Env').valueAsString, 'prod') });
        new sns.CfnTopic(s, 'Inline', { subscription: [{ protocol: Fn.conditionIf(secure.logicalId, 'https', 'http').toString(), endpoint: 'http://legacy.example.net/hook' }] });
      },
      reason: /its subscription Subscription\/0 delivers each message in clear to http:\/\/legacy\.example\.net\/hook \(protocol http\)/,
    },
    {
      name: 'a subscription protocol from a template parameter (L1, unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const topic = new sns.Topic(s, 'T');
        new sns.CfnSubscription(s, 'Sub', { topicArn: topic.topicArn, protocol: new CfnParameter(s, 'Protocol').valueAsString, endpoint: 'https://hooks.example.com' });
      },
      reason: /could not verify/,
    },
  ],
  compliant: [
    {
      name: 'partner-style connectors: SFTP (sftp://), AS2 over https:// without message encryption, AS2 over http:// with AES256_CBC; L1 AS2 over http:// with DES_EDE3_CBC (weak, still encrypted)',
      build: (app) => {
        const s = stackIn(app, 'S');
        partnerConnector(s, 'Sftp', 'sftp://sftp.partner.example.com');
        partnerConnector(s, 'EdiTls', 'https://as2.partner.example.com/as2', 'NONE');
        partnerConnector(s, 'EdiCms', 'http://as2.partner.example.com:4080', 'AES256_CBC');
        new transfer.CfnConnector(s, 'Legacy', { url: 'http://legacy.partner.example.com', accessRole: 'arn:aws:iam::111111111111:role/edi', as2Config: { EncryptionAlgorithm: 'DES_EDE3_CBC' } });
      },
    },
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
    {
      name: 'SNS deliveries that encrypt or stay between AWS services (L2): https, SQS, Lambda; an inline https subscription (L1)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const topic = new sns.Topic(s, 'Orders');
        topic.addSubscription(new subs.UrlSubscription('https://hooks.partner.example.com/orders'));
        topic.addSubscription(new subs.SqsSubscription(new sqs.Queue(s, 'Q')));
        topic.addSubscription(new subs.LambdaSubscription(new lambda.Function(s, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({})') })));
        new sns.CfnTopic(s, 'Inline', { subscription: [{ protocol: 'https', endpoint: 'https://hooks.example.com/x' }] });
      },
    },
  ],
  notShown: [
    {
      name: 'L1 AS2 connector over http:// that sets no EncryptionAlgorithm (AWS documents no default)',
      build: (app) => { new transfer.CfnConnector(stackIn(app, 'S'), 'Edi', { url: 'http://as2.partner.example.com', accessRole: 'arn:aws:iam::111111111111:role/edi', as2Config: { LocalProfileId: 'p-1', PartnerProfileId: 'p-2' } }); },
      reason: /over HTTP, and As2Config\.EncryptionAlgorithm is not set \(AWS documents no default\)/,
    },
    { name: 'an inbound Resolver endpoint without Protocols (Do53): the connection its queries cross decides', build: (app) => { resolverEndpoint(stackIn(app, 'S'), 'INBOUND'); }, reason: /Protocols is not set, which AWS treats as Do53: DNS on port 53 is in clear/ },
    { name: 'an outbound Resolver endpoint speaking Do53 beside DoH', build: (app) => { resolverEndpoint(stackIn(app, 'S'), 'OUTBOUND', ['Do53', 'DoH']); }, reason: /the endpoint speaks Do53: .*Site-to-Site VPN/ },
    {
      name: 'an e-mail subscription (L2): AWS does not say that SNS mail is sent encrypted',
      build: (app) => { new sns.Topic(stackIn(app, 'S'), 'Ops').addSubscription(new subs.EmailSubscription('ops@partner.example.com')); },
      reason: /the subscription delivers by email to ops@partner\.example\.com, whose encryption in transit AWS does not state: "delivery of message via SMTP"/,
    },
    {
      name: 'a topic with an SMS subscription in its own list (L1)',
      build: (app) => { new sns.CfnTopic(stackIn(app, 'S'), 'Pager', { subscription: [{ protocol: 'sms', endpoint: '+15555550100' }] }); },
      reason: /its subscription Subscription\/0 delivers by sms to \+15555550100/,
    },
    { name: 'an AS2 server: messages are encrypted when the partner agreement asks, which the template does not hold', build: (app) => { new transfer.CfnServer(stackIn(app, 'S'), 'As2', { protocols: ['AS2'], endpointType: 'VPC' }); }, reason: /AS2 runs over HTTP and encrypts a message only when the partner agreement asks for it/ },
  ],
};
