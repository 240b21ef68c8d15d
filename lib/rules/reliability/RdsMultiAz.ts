import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, unverifiable } from '../rule';
import { accountKeyOf, resourceKey, resolveResource } from '../utils/references';
import { isIntrinsic, isTrue, literalString } from '../../aws';

/**
 * Reads: `AWS::RDS::DBInstance` (outside a cluster: `MultiAZ`) and `AWS::RDS::DBCluster` with, across the app,
 * its member `AWS::RDS::DBInstance`s (`DBClusterIdentifier`: a `Ref`, an import, or the cluster's literal
 * identifier in the same account).
 * Fails when: a standalone instance is not Multi-AZ, or an Aurora cluster has fewer than two instances (no
 * reader to fail over to). A Multi-AZ DB cluster (non-Aurora, `DBClusterInstanceClass` set) always spans three
 * zones and passes. `MultiAZ` unknown at synth is reported. Members of a cluster are judged with their cluster.
 * Fix: `multiAz: true` on instances; at least one reader (CDK DatabaseCluster `readers`) on Aurora clusters.
 */
export const RdsMultiAz = defineRule({
  name: 'RdsMultiAz',
  description: 'RDS databases survive the loss of an Availability Zone (Multi-AZ, or a cluster with a reader)',
  fix: 'Set MultiAZ: true on standalone DB instances; give Aurora clusters at least two instances (a writer and a reader)',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  scope: 'app',
  check(r, app) {
    if (r.type === 'AWS::RDS::DBInstance') {
      if (r.properties.DBClusterIdentifier !== undefined) return NOT_APPLICABLE;
      const multiAz = r.properties.MultiAZ;
      if (isIntrinsic(multiAz)) return unverifiable('MultiAZ', multiAz, 'MultiAZ');
      return isTrue(multiAz) ? COMPLIANT : nonCompliant('the DB instance is not Multi-AZ (MultiAZ is not true)', 'MultiAZ');
    }
    if (r.type !== 'AWS::RDS::DBCluster') return NOT_APPLICABLE;
    const engine = literalString(r.properties.Engine) ?? '';
    if (!engine.startsWith('aurora') && r.properties.DBClusterInstanceClass !== undefined) return COMPLIANT;
    const members = membersOf(app, resourceKey(r)) + (literalString(r.properties.DBClusterIdentifier) !== undefined
      ? membersOf(app, `${accountKeyOf(r.stack)}|id:${literalString(r.properties.DBClusterIdentifier)!.toLowerCase()}`) : 0);
    if (members >= 2) return COMPLIANT;
    return nonCompliant(`the cluster has ${members} DB instance${members === 1 ? '' : 's'} in the app, so it has no reader to fail over to`);
  },
});

/** Member instance counts by cluster key, built once per pass. */
function membersOf(app: AppView, key: string): number {
  const index = app.memo('rds-cluster-members', () => {
    const m = new Map<string, number>();
    for (const i of app.ofType('AWS::RDS::DBInstance')) {
      const value = i.properties.DBClusterIdentifier;
      const id = literalString(value);
      const cluster = id === undefined ? resolveResource(i, value, app) : undefined;
      const k = id !== undefined ? `${accountKeyOf(i.stack)}|id:${id.toLowerCase()}` : cluster ? resourceKey(cluster) : undefined;
      if (k !== undefined) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  });
  return index.get(key) ?? 0;
}
