import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';

/**
 * How traffic fails over from an unhealthy appliance:
 * - `gwlb`: a Gateway Load Balancer (GENEVE, health-checked, target failover) with a GWLB endpoint in every AZ;
 * - `nlb`: a Network Load Balancer across the AZs (for load-balancer and proxy appliances);
 * - `route`: a function that points route-table entries at a healthy instance's network interface.
 */
export type ApplianceFailover = 'gwlb' | 'nlb' | 'route';

/** An ingress rule of the appliances' security group. */
export interface ApplianceIngressRule {
  /** Who may connect: a CIDR (`ec2.Peer.ipv4('10.0.0.0/8')`), a prefix list or a security group. Never 0.0.0.0/0. */
  readonly peer: ec2.IPeer;
  /** The port(s), e.g. `ec2.Port.tcp(443)`. */
  readonly port: ec2.Port;
  /**
   * Description of the rule.
   * @default - 'Appliance traffic'
   */
  readonly description?: string;
}

/** The health check of the load balancer's target group. */
export interface ApplianceHealthCheck {
  /**
   * Port the appliance answers health checks on; allowed from the VPC CIDR.
   * @default 80
   */
  readonly port?: number;
  /**
   * Protocol of the health check.
   * @default 'TCP'
   */
  readonly protocol?: 'TCP' | 'HTTP' | 'HTTPS';
  /**
   * Path of an HTTP(S) health check.
   * @default '/' for HTTP(S); none for TCP
   */
  readonly path?: string;
}

/** A route the `route` failover keeps pointed at a healthy appliance. */
export interface ApplianceFailoverRoute {
  /** The route table, e.g. `rtb-0123456789abcdef0` or `subnet.routeTable.routeTableId`. */
  readonly routeTableId: string;
  /** The route's destination, e.g. `0.0.0.0/0` or `10.20.0.0/16`. */
  readonly destinationCidrBlock: string;
}

/** Thresholds of the alarms on the custom metrics (all sums over the group). */
export interface ApplianceAlarmThresholds {
  /**
   * Open TCP sessions (`netstat_tcp_established`) above which the alarm fires.
   * @default 100000
   */
  readonly openSessions?: number;
  /**
   * Inbound packets dropped per minute (`net_drop_in`) above which the alarm fires.
   * @default 1000
   */
  readonly droppedPacketsPerMinute?: number;
  /**
   * Packets dropped per minute for exceeding the connection-tracking allowance (`ethtool_conntrack_allowance_exceeded`).
   * @default 0
   */
  readonly conntrackAllowanceExceededPerMinute?: number;
  /**
   * Packets dropped per minute for exceeding the packets-per-second allowance (`ethtool_pps_allowance_exceeded`).
   * @default 0
   */
  readonly ppsAllowanceExceededPerMinute?: number;
}

/** Properties of {@link NetworkApplianceGroup}. */
export interface NetworkApplianceGroupProps {
  /** The VPC of the appliances (e.g. `MultiAzVpc.vpc`). */
  readonly vpc: ec2.IVpc;
  /**
   * Subnets of the appliances: one per AZ of the VPC, in at least 2 AZs.
   * @default - the VPC's private subnets with egress
   */
  readonly vpcSubnets?: ec2.SubnetSelection;
  /**
   * Instance type: an ENA-capable type (every Nitro family; not t2, m4, c4, m3, c3, r3, ...).
   * @default c6in.large
   */
  readonly instanceType?: ec2.InstanceType;
  /**
   * AMI of the appliances (a Linux with the AWS CLI and dnf/yum, or the vendor's AMI).
   * @default - the latest Amazon Linux 2023 for the instance type's architecture (an SSM parameter, no lookup)
   */
  readonly machineImage?: ec2.IMachineImage;
  /**
   * Minimum number of instances: at least 2, so the group spans AZs.
   * @default 2
   */
  readonly minCapacity?: number;
  /**
   * Maximum number of instances.
   * @default 6
   */
  readonly maxCapacity?: number;
  /**
   * Target CPU utilization (percent) of the target-tracking scaling policy. Ignored with `scalingMetric`.
   * @default 60
   */
  readonly targetCpuUtilization?: number;
  /**
   * Scale on this metric instead of CPU (target tracking towards `scalingTarget`).
   * @default - CPU utilization
   */
  readonly scalingMetric?: cloudwatch.IMetric;
  /**
   * Target value of `scalingMetric`. Required with it.
   * @default - none
   */
  readonly scalingTarget?: number;
  /**
   * Time after launch before health checks can mark an instance unhealthy.
   * @default Duration.minutes(5)
   */
  readonly healthCheckGracePeriod?: Duration;
  /**
   * Size of the encrypted gp3 root volume, GiB.
   * @default 20
   */
  readonly rootVolumeSizeGiB?: number;
  /**
   * The bootstrap script, inline (a shell script). Give this or `bootstrapScriptFile`. It is
   * stored as an S3 asset, downloaded at boot and run as root with `APPLIANCE_CONFIG` set to the
   * path of the configuration file.
   * @default - none: give `bootstrapScriptFile`
   */
  readonly bootstrapScript?: string;
  /**
   * Path of the bootstrap script file. Give this or `bootstrapScript`.
   * @default - none: give `bootstrapScript`
   */
  readonly bootstrapScriptFile?: string;
  /**
   * Configuration of the appliance, stored as a JSON S3 asset and downloaded at boot to
   * `/opt/appliance/configuration.json`. Must not hold secrets: reference Secrets Manager instead.
   * @default - no configuration file
   */
  readonly configuration?: { readonly [key: string]: unknown };
  /**
   * Whether the appliance routes traffic not addressed to itself (router, firewall in routed
   * mode): disables the source/destination check of each instance at boot.
   * @default - true with `failover: 'route'`, false otherwise (a GWLB encapsulates traffic in GENEVE)
   */
  readonly routing?: boolean;
  /**
   * How traffic fails over from an unhealthy appliance.
   * @default 'gwlb'
   */
  readonly failover?: ApplianceFailover;
  /**
   * Subnets of the Gateway Load Balancer endpoints, one per AZ (`failover: 'gwlb'`).
   * @default - the appliances' subnets
   */
  readonly gatewayLoadBalancerEndpointSubnets?: ec2.SubnetSelection;
  /**
   * TCP listener ports of the Network Load Balancer (`failover: 'nlb'`), forwarded to the same port.
   * @default [443]
   */
  readonly listenerPorts?: number[];
  /**
   * Routes kept pointed at a healthy appliance (`failover: 'route'`, required there).
   * @default - none
   */
  readonly failoverRoutes?: ApplianceFailoverRoute[];
  /**
   * Health check of the appliances.
   * @default - TCP on port 80
   */
  readonly healthCheck?: ApplianceHealthCheck;
  /**
   * Ingress of appliance traffic (no rule may be open to 0.0.0.0/0 or ::/0). GWLB's GENEVE
   * (UDP 6081) and the health-check port are always allowed from the VPC CIDR.
   * @default - none besides GENEVE and health checks
   */
  readonly ingress?: ApplianceIngressRule[];
  /**
   * Egress besides HTTPS to anywhere (AWS APIs, repositories) and, for GWLB, GENEVE to the VPC CIDR,
   * e.g. the back ends of a proxy. Ignored with `routing` (a router's egress is all traffic).
   * @default - none
   */
  readonly egress?: ApplianceIngressRule[];
  /**
   * Namespace of the custom metrics published by the CloudWatch agent.
   * @default 'NetworkAppliance'
   */
  readonly metricsNamespace?: string;
  /**
   * Topic the alarms and scaling notifications go to.
   * @default - a topic encrypted with a customer managed key
   */
  readonly alarmTopic?: sns.ITopic;
  /**
   * Thresholds of the alarms.
   * @default - see {@link ApplianceAlarmThresholds}
   */
  readonly alarmThresholds?: ApplianceAlarmThresholds;
  /**
   * Central log group the CloudWatch agent ships the appliances' logs to.
   * @default - a log group encrypted with a customer managed key, 1-year retention, retained
   */
  readonly logGroup?: logs.ILogGroup;
  /**
   * Retention of the log group the construct creates: at least 1 year.
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * Files the CloudWatch agent ships.
   * @default ['/var/log/messages', '/var/log/cloud-init-output.log']
   */
  readonly logFiles?: string[];
  /**
   * Name of the CloudWatch dashboard.
   * @default - generated
   */
  readonly dashboardName?: string;
}
