/**
 * A containerized web app on ECS with EC2 capacity, as the ecs-patterns examples write it: a cluster with one
 * capacity instance (the default desired capacity), an ApplicationLoadBalancedEc2Service listening on plain HTTP
 * with one task, and an ElastiCache for Redis node holding the user sessions.
 */
import { App, Stack, StackProps, aws_ec2 as ec2, aws_ecs as ecs, aws_ecs_patterns as patterns, aws_elasticache as elasticache } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WORKLOAD } from '../harness';

class ShopStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 2 });
    const cluster = new ecs.Cluster(this, 'Cluster', { vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED });
    cluster.addCapacity('DefaultCapacity', {
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.MEDIUM),
      desiredCapacity: 1,
    });

    const sessionsSg = new ec2.SecurityGroup(this, 'SessionsSg', { vpc, description: 'Redis sessions' });
    const subnets = new elasticache.CfnSubnetGroup(this, 'SessionsSubnets', {
      description: 'Redis sessions',
      subnetIds: vpc.privateSubnets.map((s) => s.subnetId),
    });
    const sessions = new elasticache.CfnReplicationGroup(this, 'Sessions', {
      replicationGroupDescription: 'User sessions',
      engine: 'redis',
      cacheNodeType: 'cache.t3.micro',
      numCacheClusters: 1,
      cacheSubnetGroupName: subnets.ref,
      securityGroupIds: [sessionsSg.securityGroupId],
    });

    const web = new patterns.ApplicationLoadBalancedEc2Service(this, 'Web', {
      cluster,
      memoryLimitMiB: 512,
      desiredCount: 1,
      taskImageOptions: {
        image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:stable'),
        containerPort: 80,
        environment: {
          SESSION_STORE: 'redis',
          REDIS_HOST: sessions.attrPrimaryEndPointAddress,
        },
      },
      publicLoadBalancer: true,
    });
    sessionsSg.addIngressRule(ec2.Peer.securityGroupId(cluster.connections.securityGroups[0].securityGroupId), ec2.Port.tcp(6379), 'Redis from the cluster instances');
    web.node.addDependency(sessions);
  }
}

export function build(app: App): void {
  new ShopStack(app, 'Shop', { env: WORKLOAD });
}
