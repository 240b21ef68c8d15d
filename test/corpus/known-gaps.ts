/**
 * Differences between the corpus's expectations and what the library finds today that are known, each group with
 * the work that closes it (`owner`: a stream still working in that area, or `corpus` when the corpus itself must fix
 * the rule). The corpus test fails on any difference not listed here. A listed case that no longer differs fails the
 * test when its owner is `corpus` or has finished (remove the case: the library now says what the seed says); cases of
 * an owner still at work may close at any time. This list is empty when the rules say what the seed says.
 */
import type { DiffLine } from './types';

/** Who closes a gap: a stream still at work on that area, or the corpus itself. */
export type GapOwner = 'stores' | 'paths' | 'fit' | 'find' | 'corpus';

/** Owners whose work has landed and ended: their cases must still differ. */
export const FINISHED_OWNERS: readonly GapOwner[] = ['corpus', 'paths'];

/** One difference: an app, a selection, a kind of difference, an item, and the rule and resource when it has them. */
export interface KnownCase {
  readonly app: string;
  readonly selection: string;
  readonly kind: DiffLine['kind'];
  readonly item: string;
  /** @default - any rule */
  readonly rule?: string;
  /** @default - any resource */
  readonly path?: string;
}

export interface KnownGap {
  readonly owner: GapOwner;
  /** Why the library differs from the seed today, and what closes it. */
  readonly reason: string;
  readonly cases: readonly KnownCase[];
}

function c(app: string, selection: string, kind: DiffLine['kind'], item: string, rule?: string, path?: string): KnownCase {
  return { app, selection, kind, item, ...(rule !== undefined ? { rule } : {}), ...(path !== undefined ? { path } : {}) };
}

export const KNOWN_GAPS: readonly KnownGap[] = [
  {
    owner: 'stores',
    reason: '1.22 asks for encryption in transit too: no rule reads the in-transit switch of data stores (ElastiCache TransitEncryptionEnabled), so a session store that carries session tokens in clear passes.',
    cases: [
      c('ecs-redis', 'networking/saas', 'missing-finding', '1.22', 'DataStoreEncryptedInTransit', 'Shop/Sessions'),
    ],
  },
  {
    owner: 'fit',
    reason: 'As for 1.10: for customer-deployed models the seed limits 1.11 to "credentials stored in APN Partner solution used to integrate with AWS": a database password or a password in user data is not one, yet CredentialsEncryptedAtRest raises 1.11 on it (conditional applicability).',
    cases: [
      c('single-server', 'networking/customer-deployed-on-aws', 'unexpected-finding', '1.11', 'CredentialsEncryptedAtRest', 'Legacy/Database/Resource'),
      c('single-server', 'networking/customer-deployed-on-aws', 'unexpected-finding', '1.11', 'CredentialsEncryptedAtRest', 'Legacy/Server/Resource'),
      c('windows-file-server', 'microsoft-workloads/customer-deployed-on-aws', 'unexpected-finding', '1.11', 'CredentialsEncryptedAtRest', 'FileServer/FileServer/Resource'),
    ],
  },
  {
    owner: 'fit',
    reason: 'For customer-deployed models the seed limits 1.10 to "credentials used to integration with AWS": a database or directory password is not one, yet NoHardcodedCredentials raises 1.10 on it (conditional applicability).',
    cases: [
      c('single-server', 'networking/customer-deployed-on-aws', 'wrong-verdict', '1.10'),
      c('single-server', 'networking/customer-deployed-on-aws', 'unexpected-finding', '1.10', 'NoHardcodedCredentials', 'Legacy/Database/Resource'),
      c('single-server', 'networking/customer-deployed-on-aws', 'unexpected-finding', '1.10', 'NoHardcodedCredentials', 'Legacy/Server/Resource'),
      c('windows-file-server', 'microsoft-workloads/customer-deployed-on-aws', 'wrong-verdict', '1.10'),
      c('windows-file-server', 'microsoft-workloads/customer-deployed-on-aws', 'unexpected-finding', '1.10', 'NoHardcodedCredentials', 'FileServer/FileServer/Resource'),
    ],
  },
  {
    owner: 'fit',
    reason: 'Evidence being put to use: NoInteractiveSessionIngress (3.1, recommended), the template as Network Connectivity 2, a downstream load balancer as Load Balancers 6.',
    cases: [
      c('dns-ha-proxy', 'networking/saas + load-balancers', 'wrong-verdict', 'load-balancers.6'),
      c('sdwan-gwlb', 'networking/saas + network-connectivity', 'wrong-verdict', 'network-connectivity.2'),
      c('single-server', 'networking/saas', 'missing-finding', '3.1', 'NoInteractiveSessionIngress', 'Legacy/ServerSg/Resource'),
      c('windows-file-server', 'microsoft-workloads/multi-tenant-saas', 'missing-finding', '3.1', 'NoInteractiveSessionIngress', 'FileServer/FileServerSg/Resource'),
    ],
  },
  {
    owner: 'fit',
    reason: 'InstanceHasAzPeer repeats what ComputeMultiAz (now on main) already finds on a single instance: one 2.8 finding per resource and cause.',
    cases: [
      c('single-server', 'networking/saas', 'unexpected-finding', '2.8', 'InstanceHasAzPeer', 'Legacy/Server/Resource'),
      c('single-server', 'networking/customer-deployed-on-aws', 'unexpected-finding', '2.8', 'InstanceHasAzPeer', 'Legacy/Server/Resource'),
      c('windows-file-server', 'microsoft-workloads/multi-tenant-saas', 'unexpected-finding', '2.8', 'InstanceHasAzPeer', 'FileServer/FileServer/Resource'),
      c('windows-file-server', 'microsoft-workloads/customer-deployed-on-aws', 'unexpected-finding', '2.8', 'InstanceHasAzPeer', 'FileServer/FileServer/Resource'),
    ],
  },
];
