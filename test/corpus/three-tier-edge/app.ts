/**
 * A three-tier SaaS application across three availability zones, as the AWS reference architectures for containers
 * build it: an edge stack in us-east-1 (a WAF web ACL and a CloudFront distribution with its ACM certificate), in
 * front of an internet-facing Application Load Balancer with HTTPS and an HTTP-to-HTTPS redirect, an ECS Fargate
 * service with Service Auto Scaling, Aurora PostgreSQL Serverless v2 with a writer and a reader, ElastiCache
 * Serverless for Valkey as the session cache, and Route 53 alias records with an HTTPS health check.
 */
import {
  App, Duration, RemovalPolicy, Stack, StackProps,
  aws_certificatemanager as acm, aws_cloudfront as cloudfront, aws_cloudfront_origins as origins,
  aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as actions, aws_ec2 as ec2, aws_ecs as ecs,
  aws_ecs_patterns as patterns, aws_elasticache as elasticache, aws_elasticloadbalancingv2 as elbv2, aws_logs as logs, aws_rds as rds,
  aws_route53 as route53, aws_route53_targets as targets, aws_s3 as s3, aws_sns as sns,
  aws_sns_subscriptions as subscriptions, aws_wafv2 as wafv2,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WORKLOAD, WORKLOAD_US } from '../harness';

const ZONE = { hostedZoneId: 'Z0123456789ABCDEFGHIJ', zoneName: 'app.partner.example.com' };
const ORIGIN_NAME = 'origin.app.partner.example.com';

class AppStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr('10.20.0.0/16'),
      availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      natGateways: 3,
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'App', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 20 },
        { name: 'Data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      flowLogs: {
        ToS3: { destination: ec2.FlowLogDestination.toS3() },
      },
    });

    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(400) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', ZONE);
    const certificate = new acm.Certificate(this, 'OriginCertificate', {
      domainName: ORIGIN_NAME,
      validation: acm.CertificateValidation.fromDns(zone),
    });

    const cluster = new ecs.Cluster(this, 'Cluster', { vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED });

    const db = new rds.DatabaseCluster(this, 'Database', {
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }),
      writer: rds.ClusterInstance.serverlessV2('Writer'),
      readers: [rds.ClusterInstance.serverlessV2('Reader', { scaleWithWriter: true })],
      serverlessV2MinCapacity: 0.5,
      serverlessV2MaxCapacity: 16,
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      credentials: rds.Credentials.fromGeneratedSecret('app_admin'),
      storageEncrypted: true,
      backup: { retention: Duration.days(14) },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
    });

    const cacheSg = new ec2.SecurityGroup(this, 'CacheSg', { vpc, description: 'Session cache', allowAllOutbound: false });
    const cache = new elasticache.CfnServerlessCache(this, 'SessionCache', {
      engine: 'valkey',
      serverlessCacheName: 'app-sessions',
      majorEngineVersion: '8',
      subnetIds: vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }).subnetIds,
      securityGroupIds: [cacheSg.securityGroupId],
      snapshotRetentionLimit: 7,
      dailySnapshotTime: '03:00',
    });

    const service = new patterns.ApplicationLoadBalancedFargateService(this, 'Web', {
      cluster,
      cpu: 512,
      memoryLimitMiB: 1024,
      desiredCount: 3,
      certificate,
      domainName: ORIGIN_NAME,
      domainZone: zone,
      redirectHTTP: true,
      sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
      taskImageOptions: {
        image: ecs.ContainerImage.fromRegistry('111111111111.dkr.ecr.eu-west-1.amazonaws.com/storefront:3.2.0'),
        containerPort: 8080,
        environment: {
          DB_HOST: db.clusterEndpoint.hostname,
          DB_READER_HOST: db.clusterReadEndpoint.hostname,
          CACHE_HOST: cache.attrEndpointAddress,
        },
        secrets: { DB_PASSWORD: ecs.Secret.fromSecretsManager(db.secret!, 'password') },
        logDriver: ecs.LogDrivers.awsLogs({
          streamPrefix: 'web',
          logGroup: new logs.LogGroup(this, 'WebLogs', { retention: logs.RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.RETAIN }),
        }),
      },
      circuitBreaker: { rollback: true },
      minHealthyPercent: 100,
    });
    service.loadBalancer.logAccessLogs(accessLogs, 'alb');
    service.targetGroup.configureHealthCheck({ path: '/healthz' });
    const scaling = service.service.autoScaleTaskCount({ minCapacity: 3, maxCapacity: 30 });
    scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
    scaling.scaleOnRequestCount('Requests', { requestsPerTarget: 500, targetGroup: service.targetGroup });
    db.connections.allowDefaultPortFrom(service.service);
    cacheSg.addIngressRule(service.service.connections.securityGroups[0], ec2.Port.tcp(6379), 'Sessions from the web tier');

    const ops = new sns.Topic(this, 'OpsTopic');
    ops.addSubscription(new subscriptions.EmailSubscription('noc@partner.example.com'));
    new cloudwatch.Alarm(this, 'TargetErrors', {
      metric: service.loadBalancer.metrics.httpCodeTarget(
        elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period: Duration.minutes(1) }),
      threshold: 20,
      evaluationPeriods: 3,
    }).addAlarmAction(new actions.SnsAction(ops));
  }
}

class EdgeStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', ZONE);
    const certificate = new acm.Certificate(this, 'ViewerCertificate', {
      domainName: ZONE.zoneName,
      subjectAlternativeNames: [`www.${ZONE.zoneName}`],
      validation: acm.CertificateValidation.fromDns(zone),
    });
    const webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'storefront', sampledRequestsEnabled: true },
      rules: [
        {
          name: 'AWSManagedRulesCommonRuleSet', priority: 0, overrideAction: { none: {} },
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesCommonRuleSet' } },
          visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'common', sampledRequestsEnabled: true },
        },
        {
          name: 'RateLimit', priority: 1, action: { block: {} },
          statement: { rateBasedStatement: { limit: 2000, aggregateKeyType: 'IP' } },
          visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'rate', sampledRequestsEnabled: true },
        },
      ],
    });
    const cdnLogs = new s3.Bucket(this, 'CdnLogs', {
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(400) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const distribution = new cloudfront.Distribution(this, 'Cdn', {
      domainNames: [ZONE.zoneName, `www.${ZONE.zoneName}`],
      certificate,
      webAclId: webAcl.attrArn,
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      defaultBehavior: {
        origin: new origins.HttpOrigin(ORIGIN_NAME, { protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER,
      },
      enableLogging: true,
      logBucket: cdnLogs,
      logFilePrefix: 'storefront/',
    });
    const health = new route53.CfnHealthCheck(this, 'OriginHealth', {
      healthCheckConfig: {
        type: 'HTTPS',
        fullyQualifiedDomainName: ORIGIN_NAME,
        resourcePath: '/healthz',
        port: 443,
        requestInterval: 30,
        failureThreshold: 3,
      },
    });

    const noc = new sns.Topic(this, 'NocTopic');
    noc.addSubscription(new subscriptions.EmailSubscription('noc@partner.example.com'));
    new cloudwatch.Alarm(this, 'OriginUnhealthy', {
      metric: new cloudwatch.Metric({
        namespace: 'AWS/Route53', metricName: 'HealthCheckStatus', dimensionsMap: { HealthCheckId: health.attrHealthCheckId },
        statistic: 'Minimum', period: Duration.minutes(1),
      }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: 2,
    }).addAlarmAction(new actions.SnsAction(noc));
    new route53.ARecord(this, 'Apex', { zone, target: route53.RecordTarget.fromAlias(new targets.CloudFrontTarget(distribution)) });
    new route53.AaaaRecord(this, 'ApexV6', { zone, target: route53.RecordTarget.fromAlias(new targets.CloudFrontTarget(distribution)) });
    new route53.ARecord(this, 'Www', { zone, recordName: 'www', target: route53.RecordTarget.fromAlias(new targets.CloudFrontTarget(distribution)) });
  }
}

export function build(app: App): void {
  new EdgeStack(app, 'Edge', { env: WORKLOAD_US });
  new AppStack(app, 'Storefront', { env: WORKLOAD });
}
