import { App } from 'aws-cdk-lib';
import { formatArn, partitionOf } from '../lib/aws';
import { isAccountId, isOrganizationId, isRegion, PropValidator } from '../constructs/core';

/**
 * Where the reference deployments go: the accounts and regions of the four roles a competency review
 * looks at. Read from `cdk.json` context; the committed values are placeholders a partner replaces.
 */
export interface ReferenceConfig {
  /** Organization management account (organization trail, StackSets). */
  readonly managementAccount: string;
  /** Audit / log-archive account (audit log bucket). */
  readonly auditAccount: string;
  /** Workload account (VPCs, appliances, Windows fleet, source backup vaults). */
  readonly workloadAccount: string;
  /** Backup / disaster-recovery account (destination vaults). */
  readonly drAccount: string;
  /** The AWS Organizations id, `o-...`. */
  readonly organizationId: string;
  /** Main region. */
  readonly primaryRegion: string;
  /** Second region for cross-region copies. */
  readonly secondaryRegion: string;
  /** Availability Zones per region, given explicitly so synth needs no lookup. */
  readonly availabilityZones: { readonly [region: string]: readonly string[] };
}

/** Context key of the reference configuration in `cdk.json`. */
export const CONFIG_CONTEXT_KEY = 'cdk-competency:reference';

/** Reads and validates the reference configuration from the app's context. */
export function referenceConfigFrom(app: App): ReferenceConfig {
  const raw = app.node.tryGetContext(CONFIG_CONTEXT_KEY);
  if (!raw || typeof raw !== 'object') {
    throw new Error(`cdk.json: context '${CONFIG_CONTEXT_KEY}' is missing: it names the management, audit, workload and dr accounts and the regions`);
  }
  const c = raw as ReferenceConfig;
  const v = new PropValidator(`cdk.json context '${CONFIG_CONTEXT_KEY}'`);
  for (const key of ['managementAccount', 'auditAccount', 'workloadAccount', 'drAccount'] as const) {
    v.check(typeof c[key] === 'string' && isAccountId(c[key]), key, 'must be a 12-digit account ID', c[key]);
  }
  v.check(typeof c.organizationId === 'string' && isOrganizationId(c.organizationId), 'organizationId', "must look like 'o-a1b2c3d4e5'", c.organizationId);
  for (const key of ['primaryRegion', 'secondaryRegion'] as const) {
    v.check(typeof c[key] === 'string' && isRegion(c[key]), key, 'must be a region name like eu-west-1', c[key]);
    const azs = c.availabilityZones?.[c[key]];
    v.check(Array.isArray(azs) && azs.length >= 2, `availabilityZones.${c[key]}`, 'must list at least 2 Availability Zones', azs);
  }
  const accounts = [c.managementAccount, c.auditAccount, c.workloadAccount, c.drAccount];
  v.check(new Set(accounts).size === 4, 'accounts', 'must be four different accounts (the checklist wants logs and backups outside the workload account)', accounts);
  v.throwIfAny();
  return c;
}

/**
 * Who receives the alarms of the workload reference deployments (item 2.4: "alarms generated and sent to the
 * appropriate operations staff"): the operations on-call list, subscribed to each alarm topic. Placeholder: replace it.
 */
export const OPERATIONS_ALERT_EMAILS: readonly string[] = ['operations-oncall@example.com'];

/**
 * Name of the central CloudWatch Logs destination that the organization-trail example deploys in the audit account,
 * and to which the workload examples ship their log groups (item 2.3).
 */
export const CENTRAL_LOG_DESTINATION_NAME = 'cdk-competency-central-logs';

/**
 * The ARN of a resource in another account of the reference configuration, known before anything is deployed: the
 * partition comes from the region (lib/aws), never written out.
 */
export function arnInAccount(arn: { readonly service: string; readonly region: string; readonly account: string; readonly resource: string }): string {
  const partition = partitionOf(arn.region);
  if (!partition) throw new Error(`cdk.json: '${arn.region}' is not a region name: the partition of its ARNs cannot be told`);
  return formatArn({ partition: partition.id, ...arn });
}

/**
 * ARN of the central log destination in the audit account: known before anything is deployed (its account, region
 * and name are fixed), so the workload stacks need no cross-account reference, only the destination deployed first.
 */
export function centralLogDestinationArn(config: ReferenceConfig): string {
  return arnInAccount({ service: 'logs', region: config.primaryRegion, account: config.auditAccount, resource: `destination:${CENTRAL_LOG_DESTINATION_NAME}` });
}
