/**
 * A hub-and-spoke network as the AWS "centralized inspection" and "centralized egress" reference architectures build
 * it: a transit gateway with two route tables (spokes, inspection), an inspection VPC across three zones where AWS
 * Network Firewall inspects east-west and egress traffic before NAT gateways send it out (appliance mode on its
 * attachment), a workload spoke and a shared-services spoke without their own internet access, interface VPC endpoints
 * and Route 53 Resolver endpoints (inbound for the data centre, outbound with a forwarding rule to it) in the shared
 * services spoke (whose DNS queries Resolver query logging records), a Client VPN endpoint with mutual TLS for
 * administrators, and every VPC's flow logs in one bucket.
 */
import {
  App, Duration, Fn, RemovalPolicy, Stack, StackProps,
  aws_ec2 as ec2, aws_logs as logs, aws_networkfirewall as nfw, aws_route53resolver as resolver, aws_s3 as s3,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WORKLOAD } from '../harness';

const AZS = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
const CORPORATE = '10.0.0.0/8';
const DATACENTRE_DNS = ['10.250.0.10', '10.250.1.10'];

class NetworkStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);

    const flowLogs = new s3.Bucket(this, 'FlowLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      lifecycleRules: [{ transitions: [{ storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(90) }], expiration: Duration.days(400) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const flowLogTo = { ToS3: { destination: ec2.FlowLogDestination.toS3(flowLogs), trafficType: ec2.FlowLogTrafficType.ALL } };

    const tgw = new ec2.CfnTransitGateway(this, 'TransitGateway', {
      amazonSideAsn: 64512,
      defaultRouteTableAssociation: 'disable',
      defaultRouteTablePropagation: 'disable',
      dnsSupport: 'enable',
      description: 'Hub for the spokes and the inspection VPC',
    });
    const spokeTable = new ec2.CfnTransitGatewayRouteTable(this, 'SpokeRouteTable', { transitGatewayId: tgw.ref });
    const firewallTable = new ec2.CfnTransitGatewayRouteTable(this, 'FirewallRouteTable', { transitGatewayId: tgw.ref });

    // Inspection VPC: TGW attachment subnets -> firewall endpoints -> NAT gateways in the public subnets.
    const inspection = new ec2.Vpc(this, 'Inspection', {
      ipAddresses: ec2.IpAddresses.cidr('100.64.0.0/16'),
      availabilityZones: AZS,
      natGateways: 3,
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 28 },
        { name: 'Firewall', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 28 },
        { name: 'Attach', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 28 },
      ],
      flowLogs: flowLogTo,
    });
    const domains = new nfw.CfnRuleGroup(this, 'EgressDomains', {
      ruleGroupName: 'egress-allowed-domains',
      type: 'STATEFUL',
      capacity: 100,
      ruleGroup: {
        ruleVariables: { ipSets: { HOME_NET: { definition: [CORPORATE] } } },
        rulesSource: {
          rulesSourceList: {
            generatedRulesType: 'ALLOWLIST',
            targetTypes: ['TLS_SNI', 'HTTP_HOST'],
            targets: ['.amazonaws.com', '.partner.example.com', '.ubuntu.com'],
          },
        },
        statefulRuleOptions: { ruleOrder: 'STRICT_ORDER' },
      },
    });
    const policy = new nfw.CfnFirewallPolicy(this, 'FirewallPolicy', {
      firewallPolicyName: 'inspection',
      firewallPolicy: {
        statelessDefaultActions: ['aws:forward_to_sfe'],
        statelessFragmentDefaultActions: ['aws:forward_to_sfe'],
        statefulEngineOptions: { ruleOrder: 'STRICT_ORDER' },
        statefulDefaultActions: ['aws:drop_established', 'aws:alert_established'],
        statefulRuleGroupReferences: [{ resourceArn: domains.attrRuleGroupArn, priority: 1 }],
      },
    });
    const firewall = new nfw.CfnFirewall(this, 'Firewall', {
      firewallName: 'inspection',
      firewallPolicyArn: policy.attrFirewallPolicyArn,
      vpcId: inspection.vpcId,
      subnetMappings: inspection.selectSubnets({ subnetGroupName: 'Firewall' }).subnetIds.map((subnetId) => ({ subnetId })),
      deleteProtection: true,
    });
    const alerts = new logs.LogGroup(this, 'FirewallAlerts', { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.RETAIN });
    new nfw.CfnLoggingConfiguration(this, 'FirewallLogging', {
      firewallArn: firewall.attrFirewallArn,
      loggingConfiguration: {
        logDestinationConfigs: [
          { logType: 'ALERT', logDestinationType: 'CloudWatchLogs', logDestination: { logGroup: alerts.logGroupName } },
          { logType: 'FLOW', logDestinationType: 'S3', logDestination: { bucketName: flowLogs.bucketName, prefix: 'network-firewall' } },
        ],
      },
    });
    const endpointIn = (az: string) => Fn.select(1, Fn.split(':', Fn.select(AZS.indexOf(az), firewall.attrEndpointIds)));
    inspection.selectSubnets({ subnetGroupName: 'Attach' }).subnets.forEach((subnet, i) => {
      new ec2.CfnRoute(this, `AttachToFirewall${i + 1}`, {
        routeTableId: subnet.routeTable.routeTableId, destinationCidrBlock: '0.0.0.0/0', vpcEndpointId: endpointIn(subnet.availabilityZone),
      });
    });
    inspection.publicSubnets.forEach((subnet, i) => {
      new ec2.CfnRoute(this, `ReturnThroughFirewall${i + 1}`, {
        routeTableId: subnet.routeTable.routeTableId, destinationCidrBlock: CORPORATE, vpcEndpointId: endpointIn(subnet.availabilityZone),
      });
    });
    const inspectionAttachment = new ec2.CfnTransitGatewayVpcAttachment(this, 'InspectionAttachment', {
      transitGatewayId: tgw.ref,
      vpcId: inspection.vpcId,
      subnetIds: inspection.selectSubnets({ subnetGroupName: 'Attach' }).subnetIds,
      options: { ApplianceModeSupport: 'enable' },
    });
    inspection.selectSubnets({ subnetGroupName: 'Firewall' }).subnets.forEach((subnet, i) => {
      new ec2.CfnRoute(this, `FirewallToSpokes${i + 1}`, {
        routeTableId: subnet.routeTable.routeTableId, destinationCidrBlock: CORPORATE, transitGatewayId: tgw.ref,
      }).addDependency(inspectionAttachment);
    });
    new ec2.CfnTransitGatewayRouteTableAssociation(this, 'InspectionAssociation', {
      transitGatewayAttachmentId: inspectionAttachment.attrId, transitGatewayRouteTableId: firewallTable.ref,
    });
    new ec2.CfnTransitGatewayRoute(this, 'SpokesToInspection', {
      transitGatewayRouteTableId: spokeTable.ref, destinationCidrBlock: '0.0.0.0/0', transitGatewayAttachmentId: inspectionAttachment.attrId,
    });

    // Spokes: no internet gateway, no NAT; everything leaves through the transit gateway.
    const spokes: { [name: string]: ec2.Vpc } = {};
    for (const [name, cidr] of [['Workload', '10.1.0.0/16'], ['SharedServices', '10.2.0.0/16']]) {
      const vpc = new ec2.Vpc(this, name, {
        ipAddresses: ec2.IpAddresses.cidr(cidr),
        availabilityZones: AZS,
        natGateways: 0,
        subnetConfiguration: [
          { name: 'Attach', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 28 },
          { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 20 },
        ],
        flowLogs: flowLogTo,
      });
      const attachment = new ec2.CfnTransitGatewayVpcAttachment(this, `${name}Attachment`, {
        transitGatewayId: tgw.ref, vpcId: vpc.vpcId, subnetIds: vpc.selectSubnets({ subnetGroupName: 'Attach' }).subnetIds,
      });
      new ec2.CfnTransitGatewayRouteTableAssociation(this, `${name}Association`, {
        transitGatewayAttachmentId: attachment.attrId, transitGatewayRouteTableId: spokeTable.ref,
      });
      new ec2.CfnTransitGatewayRouteTablePropagation(this, `${name}Propagation`, {
        transitGatewayAttachmentId: attachment.attrId, transitGatewayRouteTableId: firewallTable.ref,
      });
      vpc.selectSubnets({ subnetGroupName: 'Private' }).subnets.forEach((subnet, i) => {
        new ec2.CfnRoute(this, `${name}Default${i + 1}`, {
          routeTableId: subnet.routeTable.routeTableId, destinationCidrBlock: '0.0.0.0/0', transitGatewayId: tgw.ref,
        }).addDependency(attachment);
      });
      spokes[name] = vpc;
    }

    // Shared services: interface endpoints for the spokes, DNS to and from the data centre, administrator VPN.
    const shared = spokes.SharedServices;
    const privateSubnets = { subnetGroupName: 'Private' };
    for (const [id, service] of [
      ['Ssm', ec2.InterfaceVpcEndpointAwsService.SSM], ['SsmMessages', ec2.InterfaceVpcEndpointAwsService.SSM_MESSAGES],
      ['Ec2Messages', ec2.InterfaceVpcEndpointAwsService.EC2_MESSAGES], ['Logs', ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS],
      ['Sts', ec2.InterfaceVpcEndpointAwsService.STS],
    ] as const) {
      shared.addInterfaceEndpoint(id, { service, subnets: privateSubnets, open: false })
        .connections.allowFrom(ec2.Peer.ipv4(CORPORATE), ec2.Port.tcp(443), 'HTTPS from the spokes');
    }

    const dnsSg = new ec2.SecurityGroup(this, 'ResolverSg', { vpc: shared, description: 'Route 53 Resolver endpoints', allowAllOutbound: false });
    dnsSg.addIngressRule(ec2.Peer.ipv4('10.250.0.0/16'), ec2.Port.tcp(53), 'DNS from the data centre');
    dnsSg.addIngressRule(ec2.Peer.ipv4('10.250.0.0/16'), ec2.Port.udp(53), 'DNS from the data centre');
    for (const ip of DATACENTRE_DNS) {
      dnsSg.addEgressRule(ec2.Peer.ipv4(`${ip}/32`), ec2.Port.tcp(53), 'DNS to the data centre');
      dnsSg.addEgressRule(ec2.Peer.ipv4(`${ip}/32`), ec2.Port.udp(53), 'DNS to the data centre');
    }
    const ipAddresses = shared.selectSubnets(privateSubnets).subnetIds.slice(0, 2).map((subnetId) => ({ subnetId }));
    new resolver.CfnResolverEndpoint(this, 'InboundResolver', {
      direction: 'INBOUND', name: 'from-datacentre', securityGroupIds: [dnsSg.securityGroupId], ipAddresses,
    });
    const outbound = new resolver.CfnResolverEndpoint(this, 'OutboundResolver', {
      direction: 'OUTBOUND', name: 'to-datacentre', securityGroupIds: [dnsSg.securityGroupId], ipAddresses,
    });
    const corpRule = new resolver.CfnResolverRule(this, 'CorpForwarding', {
      ruleType: 'FORWARD',
      domainName: 'corp.partner.example.com',
      resolverEndpointId: outbound.attrResolverEndpointId,
      targetIps: DATACENTRE_DNS.map((ip) => ({ ip, port: '53' })),
    });
    const queryLogs = new resolver.CfnResolverQueryLoggingConfig(this, 'QueryLogs', { name: 'shared-services-dns', destinationArn: flowLogs.bucketArn });
    new resolver.CfnResolverQueryLoggingConfigAssociation(this, 'QueryLogsShared', { resolverQueryLogConfigId: queryLogs.attrId, resourceId: shared.vpcId });
    for (const [name, vpc] of Object.entries(spokes)) {
      new resolver.CfnResolverRuleAssociation(this, `CorpForwarding${name}`, { resolverRuleId: corpRule.attrResolverRuleId, vpcId: vpc.vpcId });
    }

    const vpnLogs = new logs.LogGroup(this, 'ClientVpnLogs', { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.RETAIN });
    const clientVpn = shared.addClientVpnEndpoint('AdminVpn', {
      cidr: '10.200.0.0/22',
      serverCertificateArn: 'arn:aws:acm:eu-west-1:111111111111:certificate/3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a9f',
      clientCertificateArn: 'arn:aws:acm:eu-west-1:111111111111:certificate/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      logGroup: vpnLogs,
      splitTunnel: true,
      dnsServers: ['10.2.0.2'],
      vpcSubnets: privateSubnets,
      authorizeAllUsersToVpcCidr: false,
    });
    clientVpn.addAuthorizationRule('Spokes', { cidr: CORPORATE, description: 'Administrators reach the spokes' });
    shared.selectSubnets(privateSubnets).subnets.forEach((subnet, i) => {
      clientVpn.addRoute(`ToWorkload${i + 1}`, { cidr: '10.1.0.0/16', target: ec2.ClientVpnRouteTarget.subnet(subnet) });
    });
  }
}

export function build(app: App): void {
  new NetworkStack(app, 'Network', { env: WORKLOAD });
}
