// The reference deployments, one folder each. This list is the only registry: the app, the tests and the
// evidence pack iterate over it.
import { deployment as crossAccountBackup } from './cross-account-backup';
import { deployment as multiAzVpc } from './multi-az-vpc';
import { deployment as networkAppliance } from './network-appliance';
import { deployment as organizationTrail } from './organization-trail';
import { ReferenceDeployment } from './reference-deployment';
import { deployment as windowsWorkload } from './windows-workload';

export * from './reference-deployment';
export * from './config';

export const REFERENCE_DEPLOYMENTS: readonly ReferenceDeployment[] = [
  multiAzVpc,
  organizationTrail,
  crossAccountBackup,
  networkAppliance,
  windowsWorkload,
];
