import { App, aws_rds as rds } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const db = (props: Partial<rds.CfnDBInstanceProps>) => (app: App) => {
  new rds.CfnDBInstance(stackIn(app, 'S'), 'Db', { engine: 'postgres', dbInstanceClass: 'db.t3.micro', allocatedStorage: '20', ...props });
};

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'instance without storage encryption', build: db({}), reason: /storage encryption is off/ },
    { name: 'cluster without storage encryption', build: (app) => { new rds.CfnDBCluster(stackIn(app, 'S'), 'C', { engine: 'aurora-postgresql' }); } },
  ],
  compliant: [
    { name: 'encrypted instance', build: db({ storageEncrypted: true }) },
    { name: 'encrypted cluster (member instance read through its cluster)', build: (app) => {
      const s = stackIn(app, 'S');
      const c = new rds.CfnDBCluster(s, 'C', { engine: 'aurora-postgresql', storageEncrypted: true });
      new rds.CfnDBInstance(s, 'Member', { engine: 'aurora-postgresql', dbInstanceClass: 'db.r6g.large', dbClusterIdentifier: c.ref });
    } },
  ],
};
