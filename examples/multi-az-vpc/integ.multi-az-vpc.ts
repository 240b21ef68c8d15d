// Integration test of the multi-az-vpc reference deployment: deploys the network stack (account of the
// CLI's credentials, eu-west-1) and checks, after deployment, what the example exists to show.
//   npx integ-runner --directory examples/multi-az-vpc   (deploys for real; see README)
import { App, Duration, Stack } from 'aws-cdk-lib';
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { MultiAzVpcStack } from './stack';

/** Region and AZs of the integ deployment (an env-specific region so the AZs are checked; the account is the CLI's). */
export const INTEG_REGION = 'eu-west-1';
export const INTEG_AZS = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];

export function build(app: App): IntegTest {
  const stack = new MultiAzVpcStack(app, 'MultiAzVpcIntegNetwork', { env: { region: INTEG_REGION }, availabilityZones: INTEG_AZS });
  // The assertions read the stack's resources, so they live in the same region.
  const assertionStack = new Stack(app, 'MultiAzVpcIntegAssertions', { env: { region: INTEG_REGION } });
  const integ = new IntegTest(app, 'MultiAzVpcInteg', { testCases: [stack], assertionStack, diffAssets: false });
  const network = stack.network;
  const retry = { totalTimeout: Duration.minutes(20), interval: Duration.seconds(30) };

  // Redundant VPN: each of the two connections is BGP (not static) and has two tunnels (checklist 2.1, network-connectivity.7).
  network.vpnConnections.forEach((connection) => {
    integ.assertions
      .awsApiCall('EC2', 'describeVpnConnections', { VpnConnectionIds: [connection.ref] })
      .expect(ExpectedResult.objectLike({
        VpnConnections: [Match.objectLike({
          State: 'available',
          Type: 'ipsec.1',
          Options: Match.objectLike({ StaticRoutesOnly: false }),
          VgwTelemetry: [Match.objectLike({ OutsideIpAddress: Match.stringLikeRegexp('.+') }), Match.objectLike({ OutsideIpAddress: Match.stringLikeRegexp('.+') })],
        })],
      }))
      .waitForAssertions(retry);
  });

  // The two connections end at the two different customer gateways.
  integ.assertions
    .awsApiCall('EC2', 'describeCustomerGateways', { CustomerGatewayIds: network.customerGateways.map((c) => c.ref) })
    .expect(ExpectedResult.objectLike({
      CustomerGateways: [Match.objectLike({ State: 'available', BgpAsn: Match.stringLikeRegexp('^650[12]0$') }), Match.objectLike({ State: 'available', BgpAsn: Match.stringLikeRegexp('^650[12]0$') })],
    }));

  // Flow logs of all traffic are being delivered (2.3, network-management.2).
  integ.assertions
    .awsApiCall('EC2', 'describeFlowLogs', { Filter: [{ Name: 'resource-id', Values: [network.vpc.vpcId] }] })
    .expect(ExpectedResult.objectLike({
      FlowLogs: [Match.objectLike({ FlowLogStatus: 'ACTIVE', TrafficType: 'ALL', LogDestinationType: 'cloud-watch-logs' })],
    }));

  // Gateway endpoints for S3 and DynamoDB, interface endpoints with private DNS.
  integ.assertions
    .awsApiCall('EC2', 'describeVpcEndpoints', { Filters: [{ Name: 'vpc-id', Values: [network.vpc.vpcId] }, { Name: 'vpc-endpoint-type', Values: ['Gateway'] }] })
    .expect(ExpectedResult.objectLike({
      VpcEndpoints: Match.arrayWith([
        Match.objectLike({ ServiceName: Match.stringLikeRegexp('\\.s3$'), State: 'available' }),
        Match.objectLike({ ServiceName: Match.stringLikeRegexp('\\.dynamodb$'), State: 'available' }),
      ]),
    }));
  network.interfaceEndpoints.forEach((endpoint) => {
    integ.assertions
      .awsApiCall('EC2', 'describeVpcEndpoints', { VpcEndpointIds: [endpoint.vpcEndpointId] })
      .expect(ExpectedResult.objectLike({
        VpcEndpoints: [Match.objectLike({ State: 'available', PrivateDnsEnabled: true })],
      }))
      .waitForAssertions(retry);
  });

  // A NAT gateway in each AZ (2.8): three available NAT gateways in the VPC.
  integ.assertions
    .awsApiCall('EC2', 'describeNatGateways', { Filter: [{ Name: 'vpc-id', Values: [network.vpc.vpcId] }, { Name: 'state', Values: ['available'] }] })
    .expect(ExpectedResult.objectLike({
      NatGateways: [Match.objectLike({ State: 'available' }), Match.objectLike({ State: 'available' }), Match.objectLike({ State: 'available' })],
    }));
  return integ;
}


if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
