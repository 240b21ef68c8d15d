import { Stack, StackProps, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { CentralLogShipping } from '../../constructs/central-log-shipping';
import { CustomerGatewayOptions, MultiAzVpc } from '../../constructs/multi-az-vpc';

/**
 * The on-premises ends of the site-to-site VPN: two devices, so losing one keeps the site connected
 * (checklist 2.1). Documentation addresses (RFC 5737) and private ASNs: replace them with your devices'.
 */
export const CUSTOMER_GATEWAYS: readonly CustomerGatewayOptions[] = [
  { ip: '203.0.113.10', asn: 65010 },
  { ip: '198.51.100.10', asn: 65020 },
];

/** The VPC's block: distinct from every other VPC of the reference app (network-appliance 10.20/16, windows-workload 10.30/16). */
export const MULTI_AZ_VPC_CIDR = '10.10.0.0/16';

/** Private ASN of the Amazon side of the virtual private gateway. */
export const AMAZON_SIDE_ASN = 64512;

/** Interface endpoints: Systems Manager (Session Manager instead of SSH), CloudWatch Logs and STS without the internet. */
export const INTERFACE_ENDPOINTS: readonly ec2.InterfaceVpcEndpointAwsService[] = [
  ec2.InterfaceVpcEndpointAwsService.SSM,
  ec2.InterfaceVpcEndpointAwsService.SSM_MESSAGES,
  ec2.InterfaceVpcEndpointAwsService.EC2_MESSAGES,
  ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
  ec2.InterfaceVpcEndpointAwsService.STS,
];

/** Props of {@link MultiAzVpcStack}. */
export interface MultiAzVpcStackProps extends StackProps {
  /** The AZs of the stack's region, explicit so synth needs no lookup. */
  readonly availabilityZones: readonly string[];
  /**
   * ARN of the central CloudWatch Logs destination (audit account) every log group of the stack is shipped to (2.3).
   * @default - log groups stay in the account (single-account integration tests)
   */
  readonly centralLogDestinationArn?: string;
}

/**
 * A 3-AZ network for the Networking checklist: 3 subnet tiers, a NAT gateway per AZ, flow logs of all
 * traffic into an encrypted, retained log group, S3/DynamoDB gateway endpoints, interface endpoints,
 * and a redundant BGP site-to-site VPN (two connections, four tunnels) to two customer gateways.
 */
export class MultiAzVpcStack extends Stack {
  /** The network. */
  public readonly network: MultiAzVpc;

  constructor(scope: Construct, id: string, props: MultiAzVpcStackProps) {
    super(scope, id, { description: 'cdk-competency reference: Multi-AZ VPC with flow logs, endpoints and redundant BGP VPN (Networking checklist)', ...props });
    this.network = new MultiAzVpc(this, 'Network', {
      cidr: MULTI_AZ_VPC_CIDR,
      availabilityZones: [...props.availabilityZones],
      vpcName: 'competency-multi-az-vpc',
      interfaceEndpoints: [...INTERFACE_ENDPOINTS],
      vpn: {
        customerGateways: [...CUSTOMER_GATEWAYS],
        amazonSideAsn: AMAZON_SIDE_ASN,
      },
    });
    if (props.centralLogDestinationArn) {
      new CentralLogShipping(this, 'CentralLogShipping', { destinationArn: props.centralLogDestinationArn });
    }
    Tags.of(this).add('Workload', 'competency-multi-az-vpc');
    Tags.of(this).add('CostCenter', 'networking-reference');
  }
}
