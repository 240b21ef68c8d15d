import { Duration } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';

/** Defaults of {@link NetworkApplianceGroup}, in one place so the README and the tests can cite them. */
export const NETWORK_APPLIANCE_GROUP_DEFAULTS = {
  /** Instance type: compute-optimized, ENA, up to 50 Gbps. */
  instanceType: 'c6in.large',
  /** Minimum instances: 2, so the group spans AZs (checklist 2.2, 2.8). */
  minCapacity: 2,
  /** Maximum instances. */
  maxCapacity: 6,
  /** Target of the CPU target-tracking policy, percent. */
  targetCpuUtilization: 60,
  /** Grace period before ELB health checks count. */
  healthCheckGracePeriod: Duration.minutes(5),
  /** Root volume size, GiB (gp3, encrypted). */
  rootVolumeSizeGiB: 20,
  /** Namespace of the custom metrics published by the CloudWatch agent. */
  metricsNamespace: 'NetworkAppliance',
  /** Retention of the log group the construct creates. */
  logRetention: logs.RetentionDays.ONE_YEAR,
  /** Files the CloudWatch agent ships. */
  logFiles: ['/var/log/messages', '/var/log/cloud-init-output.log'],
  /** Health check of the appliance: TCP on port 80. */
  healthCheckPort: 80,
  healthCheckProtocol: 'TCP' as const,
  /** Listener ports of the Network Load Balancer (`failover: 'nlb'`). */
  nlbListenerPorts: [443],
  /** Alarm thresholds. */
  alarms: {
    /** Open TCP sessions on the group (sum over instances). */
    openSessions: 100_000,
    /** Inbound packets dropped per minute (sum over instances). */
    droppedPacketsPerMinute: 1_000,
    /** Packets dropped per minute because the connection-tracking allowance was exceeded. */
    conntrackAllowanceExceededPerMinute: 0,
    /** Packets dropped per minute because the PPS allowance was exceeded. */
    ppsAllowanceExceededPerMinute: 0,
  },
} as const;

/** GENEVE: the protocol and port a Gateway Load Balancer uses to reach its targets. */
export const GENEVE_PORT = 6081;

/** Where the construct's files live on the instance. */
export const APPLIANCE_DIR = '/opt/appliance';
export const CLOUDWATCH_AGENT_CONFIG = '/opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.json';

/** The tag, on every instance of a group, that scopes the instance role's ec2:ModifyInstanceAttribute. */
export const GROUP_TAG = 'cdk-competency:appliance-group';
