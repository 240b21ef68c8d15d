import { aws_dynamodb as ddb, aws_ec2 as ec2, aws_efs as efs, aws_rds as rds, aws_s3 as s3, CfnParameter, Tags } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'untagged L2 bucket', build: (app) => { new s3.Bucket(stackIn(app, 'S'), 'B'); }, reason: /the Bucket has no DataClassification tag/ },
    {
      name: 'table with an unknown classification (L2 + Tags)',
      build: (app) => {
        const t = new ddb.Table(stackIn(app, 'S'), 'T', { partitionKey: { name: 'pk', type: ddb.AttributeType.STRING } });
        Tags.of(t).add('DataClassification', 'secret');
      },
      reason: /DataClassification 'secret' of the Table is not one of public, internal, confidential, restricted/,
    },
    { name: 'EFS file system without FileSystemTags (L1)', build: (app) => { new efs.CfnFileSystem(stackIn(app, 'S'), 'Fs', { encrypted: true }); }, reason: /the FileSystem has no DataClassification tag/ },
    {
      name: 'TableV2 replica without the tag',
      build: (app) => { new ddb.TableV2(stackIn(app, 'S'), 'T', { partitionKey: { name: 'pk', type: ddb.AttributeType.STRING } }); },
      reason: /replica .* has no DataClassification tag/,
    },
    {
      name: 'classification from a parameter (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new ec2.CfnVolume(s, 'V', { availabilityZone: 'eu-west-1a', size: 10, tags: [{ key: 'DataClassification', value: new CfnParameter(s, 'Level').valueAsString }] });
      },
      reason: /could not verify the DataClassification tag.*\(Ref\)/,
    },
  ],
  compliant: [
    {
      name: 'whole stack tagged confidential (L2 + Tags on the stack)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new s3.Bucket(s, 'B');
        new ddb.TableV2(s, 'T', { partitionKey: { name: 'pk', type: ddb.AttributeType.STRING } });
        Tags.of(s).add('DataClassification', 'confidential');
      },
    },
    {
      name: 'L1 cluster tagged, member instance judged by the cluster',
      build: (app) => {
        const s = stackIn(app, 'S');
        const c = new rds.CfnDBCluster(s, 'C', { engine: 'aurora-postgresql', tags: [{ key: 'DataClassification', value: 'restricted' }] });
        new rds.CfnDBInstance(s, 'I', { dbClusterIdentifier: c.ref, dbInstanceClass: 'db.r6g.large', engine: 'aurora-postgresql' });
      },
    },
  ],
};
