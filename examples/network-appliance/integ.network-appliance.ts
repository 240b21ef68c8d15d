// Integration test of the network-appliance reference deployment: deploys the appliance stack (account of
// the CLI's credentials, eu-west-1) and checks, after deployment, that the appliances are healthy behind the
// Gateway Load Balancer in every AZ.
//   npx integ-runner --directory examples/network-appliance   (deploys for real; see README)
import { App, Duration, Stack } from 'aws-cdk-lib';
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { APPLIANCE_INSTANCE_TYPE, NetworkApplianceStack } from './stack';

export const INTEG_REGION = 'eu-west-1';
export const INTEG_AZS = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];

export function build(app: App): IntegTest {
  const stack = new NetworkApplianceStack(app, 'NetworkApplianceIntegAppliances', { env: { region: INTEG_REGION }, availabilityZones: INTEG_AZS });
  // The assertions read the stack's resources, so they live in the same region.
  const assertionStack = new Stack(app, 'NetworkApplianceIntegAssertions', { env: { region: INTEG_REGION } });
  const integ = new IntegTest(app, 'NetworkApplianceInteg', { testCases: [stack], assertionStack, diffAssets: false });
  const gwlb = stack.appliances.gatewayLoadBalancer!;
  const retry = { totalTimeout: Duration.minutes(25), interval: Duration.seconds(30) };

  // Every appliance registered with the GENEVE target group is healthy: 3 (the minimum, one per AZ).
  integ.assertions
    .awsApiCall('ElasticLoadBalancingV2', 'describeTargetHealth', { TargetGroupArn: gwlb.targetGroup.ref })
    .expect(ExpectedResult.objectLike({
      TargetHealthDescriptions: [1, 2, 3].map(() => Match.objectLike({ TargetHealth: Match.objectLike({ State: 'healthy' }) })),
    }))
    .waitForAssertions(retry);

  // The group keeps its instances in service across the three AZs, on the ENA instance type.
  integ.assertions
    .awsApiCall('AutoScaling', 'describeAutoScalingGroups', { AutoScalingGroupNames: [stack.appliances.autoScalingGroup.autoScalingGroupName] })
    .expect(ExpectedResult.objectLike({
      AutoScalingGroups: [Match.objectLike({
        AvailabilityZones: Match.arrayWith(INTEG_AZS),
        Instances: INTEG_AZS.map((az) => Match.objectLike({ AvailabilityZone: az, LifecycleState: 'InService', HealthStatus: 'Healthy', InstanceType: APPLIANCE_INSTANCE_TYPE })),
      })],
    }))
    .waitForAssertions(retry);

  // A Gateway Load Balancer endpoint is available in every AZ, each in that AZ's subnet.
  gwlb.endpoints.forEach((endpoint, i) => {
    integ.assertions
      .awsApiCall('EC2', 'describeVpcEndpoints', { VpcEndpointIds: [endpoint.ref] })
      .expect(ExpectedResult.objectLike({
        VpcEndpoints: [Match.objectLike({ VpcEndpointType: 'GatewayLoadBalancer', State: 'available', SubnetIds: [stack.network.vpc.privateSubnets[i].subnetId] })],
      }))
      .waitForAssertions(retry);
  });

  // The load balancer spans the three AZs and balances across zones.
  integ.assertions
    .awsApiCall('ElasticLoadBalancingV2', 'describeLoadBalancerAttributes', { LoadBalancerArn: gwlb.loadBalancer.ref })
    .expect(ExpectedResult.objectLike({
      Attributes: Match.arrayWith([Match.objectLike({ Key: 'load_balancing.cross_zone.enabled', Value: 'true' })]),
    }));

  // The custom-metric alarms exist with actions (and, once the agent publishes, leave INSUFFICIENT_DATA).
  integ.assertions
    .awsApiCall('CloudWatch', 'describeAlarms', { AlarmNames: stack.appliances.alarms.map((a) => a.alarmName) })
    .expect(ExpectedResult.objectLike({
      MetricAlarms: stack.appliances.alarms.map(() => Match.objectLike({ ActionsEnabled: true })),
    }));
  return integ;
}


if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
