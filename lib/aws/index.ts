/**
 * AWS facts: what the rules, the constructs and the report all need to know about AWS itself, in one place.
 * This part imports nothing else of the library (only Node built-ins).
 *
 * - `template`: the CloudFormation template JSON types.
 * - `intrinsics`: reading one raw value (is it an intrinsic, which logical id does it reference, tags, zones).
 * - `partitions`: partitions, region → partition, pseudo parameter values.
 * - `arn`: the ARN parser and formatter.
 * - `cidr`: IPv4/IPv6 CIDR blocks, overlap, VPC prefix limits.
 * - `backup-schedule`: AWS Backup schedule expressions (what AWS Backup accepts, the gaps between runs).
 * - `instance-types`: enhanced networking (ENA, Intel 82599 VF) per EC2 instance family.
 * - `resolver`: the intrinsics resolver over the whole app, and what instances launch with.
 * - `resource-classes`: every CloudFormation type's classes (stores data, carries traffic across a VPC boundary, capacity).
 * - `data-stores`: per data-store type, where its tags are, how it is encrypted at rest and how it is backed up.
 * - `capacity`: per capacity type, how it scales and where it runs (Availability Zones).
 * - `access-logs`: per traffic type, where the log of its traffic is.
 * - `transit`: endpoints that accept only TLS, and where a host name lives (in a VPC, an AWS service, outside AWS).
 * - `credentials`: properties holding a credential, attributes returning a secret, dynamic references.
 * - `app-view`: an app's templates read once (stacks, resources, outputs by type) with the resolver: what rules read.
 * - `ports`: the ports database and cache endpoints listen on (the attributes returning them, engine defaults).
 * - `engines`: database engine names, matched by their longest known prefix.
 */
export * from './template';
export * from './intrinsics';
export * from './partitions';
export * from './arn';
export * from './cidr';
export * from './backup-schedule';
export * from './instance-types';
export * from './resolver';
export * from './resource-classes';
export * from './data-stores';
export * from './capacity';
export * from './access-logs';
export * from './transit';
export * from './credentials';
export * from './app-view';
export * from './ports';
export * from './engines';
export * from './dms';
