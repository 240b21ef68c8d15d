/**
 * Verdicts that follow from the seed's words alone for an app whose report has no attestations and no live
 * results: items that ask about a practice, an event, an account setting or the partner's product, which no
 * template shows. Each is Not met ("awaiting attestation", or its control's result not read) in every corpus app
 * unless the selection attests it or says otherwise.
 */
import { ExpectedVerdict } from './types';

const notMet = (why: string): ExpectedVerdict => ({ verdict: 'not-met', why });

export const BASELINE: { readonly [item: string]: ExpectedVerdict } = {
  '1.1': notMet('"The AWS account root user must not be used for routine activities": a practice, attested by a person'),
  '1.2': notMet('"MFA must be enabled for your AWS account root user": an account setting, shown by its Config result read live or attested'),
  '1.3': notMet('"The AWS account root user must not be used for any task where it is not required": a practice, attested'),
  '1.4': notMet('"You must enable MFA for all interactive IAM users": an account setting, shown live or attested'),
  '1.5': notMet('"You must change your passwords and access keys regularly": access-key age and password rotation are read live or attested'),
  '1.7': notMet('"You must configure a strong password policy for your IAM users": the account\'s policy, read live or attested'),
  '1.8': notMet('"You must create an individual IAM user account for anyone who needs access": a practice, attested'),
  '1.12': notMet('"No AWS access keys should be in use": the app creates none, but keys in use live in the account, not in the template'),
  '1.13': notMet('"AWS CloudTrail must be enabled on all AWS accounts and in every region": the app deploys no trail'),
  '1.14': notMet('"CloudTrail logs must be emplaced in a bucket owned by another AWS account": the app deploys no trail'),
  '1.15': notMet('"CloudTrail log bucket contents must be protected with versioning or MFA Delete": the app deploys no trail'),
  '1.19': notMet('"You must have monitoring or alerting in place to identify when S3 buckets become public": the app deploys no such mechanism'),
  '1.20': notMet('"Detect any changes to the OS or application files": a file-integrity or configuration-management mechanism, attested'),
  '1.21': notMet('"All customer data ... is considered and classified": tags show the labels, the classification scheme is attested'),
  '1.25': notMet('"A rehearsal must have been held within the last 12 months": an event, attested'),
  '2.4': notMet('"The application and the AWS infrastructure must be monitored centrally, with alarms generated and sent to the appropriate operations staff": that the monitoring is central and the recipients appropriate is attested, whatever the template shows'),
  '2.5': notMet('"The AWS Management Console must not be used to make routine changes": drift results read live, or attested'),
  '2.7': notMet('"You must test recovery mechanisms and procedures, both on a periodic basis and after making significant changes": the tests are attested'),
  '2.9': notMet('"has been tested in production, e.g. through a game day exercise, within the last 12 months": an event, attested'),
  '2.10': notMet('"the RPO and RTO must align with the SLA you offer to your customers": the plan is attested'),
  '2.11': notMet('"the RTO to be less than 24 hours for core services": the plan behind a declared RTO is attested'),
  '2.12': notMet('"At least one DR test must be completed": an event, attested'),
  '2.13': notMet('"You must have completed at least one full test of the DR plan, including at least recovery to another AWS account, within the last 12 months": attested'),
  '3.1': notMet('"Interactive Secure Shell (SSH) or Remote Desktop Protocol (RDP) sessions must not be used to deploy updates": a practice, attested'),
  '3.2': notMet('"Runbooks must be developed ... An escalation process must be defined": documents, attested'),
  '3.3': notMet('"Business Support must be enabled": the support plan, attested'),
  // Category requirements that ask about the partner's product, references or documentation.
  'network-connectivity.2': notMet('"Include an AWS CloudFormation template of the deployment": the published template, attested'),
  'network-connectivity.3': notMet('"Public documentation must provide all steps for deploying the environment": attested'),
  'network-connectivity.6': notMet('"The solution must provide native support for the virtual private gateway or transit gateway via VPN attachment": the product, attested'),
  'network-connectivity.9': notMet('"Support for enhanced networking with the ixgbevf driver and elastic network adapter (ENA) driver": driver support of the product, attested'),
  'load-balancers.1': notMet('"APN Partner must demonstrate a successful integration of their software into a customer deployment": references, attested'),
  'load-balancers.2': notMet('"At least 1 customer reference must be utilizing an auto-scaling design": references, attested'),
  'load-balancers.6': notMet('"must be able to send downstream traffic to an Elastic Load Balancing load balancer": the product, attested'),
  'load-balancers.9': notMet('"Support for enhanced networking with the ixgbevf driver and elastic network adapter (ENA) driver": driver support of the product, attested'),
  'network-management.1': notMet('"APN Partner must demonstrate a successful integration of their software into a customer deployment": references, attested'),
  'network-management.2': notMet('"Support for ingesting flow logs ... Provide alerts": what the product does, attested'),
  'network-management.3': notMet('"it must have a public reference designs or automation to maintain high availability in multiple AZs": attested'),
  'network-management.4': notMet('"Ability to provide raw network packets to another AWS location or instance": what the product does, attested'),
};

/** Microsoft Workloads Operational Optimization: "Technology Solution should perform the following" asks what the partner's product does. */
export function msOperationalOptimization(id: string): ExpectedVerdict | undefined {
  if (!id.startsWith('ms-operational-optimization.')) return undefined;
  return notMet('"Technology Solution should perform the following": what the partner\'s product does, attested (the customer\'s own setup only supports it)');
}
