import * as path from 'path';
import { Stack, StackProps, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { CentralLogShipping } from '../../constructs/central-log-shipping';
import { MultiAzVpc } from '../../constructs/multi-az-vpc';
import { NetworkApplianceGroup } from '../../constructs/network-appliance-group';
import { OPERATIONS_ALERT_EMAILS } from '../config';

/** The appliance VPC's block: distinct from every other VPC of the reference app (multi-az-vpc 10.10/16, windows-workload 10.30/16). */
export const APPLIANCE_VPC_CIDR = '10.20.0.0/16';

/** The appliances' instance type: Nitro, ENA with up to 50 Gbps (network-optimized c6in). */
export const APPLIANCE_INSTANCE_TYPE = 'c6in.large';

/** The port the appliances answer the Gateway Load Balancer's health checks on. */
export const HEALTH_CHECK_PORT = 80;

/** Namespace of the appliances' custom metrics. */
export const METRICS_NAMESPACE = 'CompetencyReference/NetworkAppliance';

/** Props of {@link NetworkApplianceStack}. */
export interface NetworkApplianceStackProps extends StackProps {
  /** The AZs of the stack's region, explicit so synth needs no lookup. */
  readonly availabilityZones: readonly string[];
  /**
   * ARN of the central CloudWatch Logs destination (audit account) every log group of the stack is shipped to (2.3).
   * @default - log groups stay in the account (single-account integration tests)
   */
  readonly centralLogDestinationArn?: string;
}

/**
 * An inspection VPC for the Networking checklist: an autoscaled group of ENA appliances behind a
 * Gateway Load Balancer with an endpoint in every AZ, bootstrapped from S3 through user data, publishing
 * custom metrics (open sessions, drops, ENA allowance counters) with alarms to an encrypted topic.
 */
export class NetworkApplianceStack extends Stack {
  /** The appliance VPC. */
  public readonly network: MultiAzVpc;
  /** The appliances. */
  public readonly appliances: NetworkApplianceGroup;

  constructor(scope: Construct, id: string, props: NetworkApplianceStackProps) {
    super(scope, id, { description: 'cdk-competency reference: autoscaled ENA network appliances behind a Gateway Load Balancer (Networking checklist)', ...props });
    this.network = new MultiAzVpc(this, 'Network', {
      cidr: APPLIANCE_VPC_CIDR,
      availabilityZones: [...props.availabilityZones],
      vpcName: 'competency-network-appliance',
    });
    this.appliances = new NetworkApplianceGroup(this, 'Appliances', {
      vpc: this.network.vpc,
      instanceType: new ec2.InstanceType(APPLIANCE_INSTANCE_TYPE),
      minCapacity: 3,
      maxCapacity: 6,
      failover: 'gwlb',
      bootstrapScriptFile: path.join(__dirname, 'bootstrap.sh'),
      configuration: { healthCheckPort: HEALTH_CHECK_PORT, mode: 'inspect', logLevel: 'info' },
      healthCheck: { port: HEALTH_CHECK_PORT, protocol: 'TCP' },
      metricsNamespace: METRICS_NAMESPACE,
    });
    // The appliances' alarms reach the operations on-call list (2.4).
    for (const email of OPERATIONS_ALERT_EMAILS) this.appliances.alarmTopic.addSubscription(new subscriptions.EmailSubscription(email));
    if (props.centralLogDestinationArn) {
      new CentralLogShipping(this, 'CentralLogShipping', { destinationArn: props.centralLogDestinationArn });
    }
    Tags.of(this).add('Workload', 'competency-network-appliance');
    Tags.of(this).add('CostCenter', 'networking-reference');
  }
}
