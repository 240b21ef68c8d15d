import {
  App, aws_dax as dax, aws_elasticache as elasticache, aws_memorydb as memorydb, aws_msk as msk, aws_opensearchservice as opensearch, CfnCondition, CfnParameter, Fn, Stack,
} from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const l1 = (build: (s: Stack) => void) => (app: App) => build(stackIn(app, 'S'));
const redis = (s: Stack, props: Partial<elasticache.CfnReplicationGroupProps> = {}) =>
  new elasticache.CfnReplicationGroup(s, 'Sessions', { replicationGroupDescription: 'sessions', engine: 'redis', cacheNodeType: 'cache.t4g.micro', numCacheClusters: 2, ...props });
const kafka = (s: Stack, encryptionInTransit?: msk.CfnCluster.EncryptionInTransitProperty) => new msk.CfnCluster(s, 'Kafka', {
  clusterName: 'events', kafkaVersion: '3.6.0', numberOfBrokerNodes: 2,
  brokerNodeGroupInfo: { clientSubnets: ['subnet-1', 'subnet-2'], instanceType: 'kafka.m7g.large' },
  ...(encryptionInTransit ? { encryptionInfo: { encryptionInTransit } } : {}),
});

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'L1 Redis replication group (a session store) with TransitEncryptionEnabled left out',
      build: l1((s) => { redis(s); }),
      reason: /the ElastiCache replication group is not encrypted in transit: clients and replicas exchange data in clear \(TransitEncryptionEnabled is not set, so false\)/,
    },
    {
      name: 'L1 replication group migrating to TLS: TransitEncryptionMode preferred still accepts clients in clear',
      build: l1((s) => { redis(s, { transitEncryptionEnabled: true, transitEncryptionMode: 'preferred' }); }),
      reason: /the group accepts connections in clear as well \(TransitEncryptionMode is "preferred"\)/,
    },
    {
      name: 'L2 OpenSearch domain with the defaults (no node-to-node encryption, HTTP accepted)',
      build: l1((s) => { new opensearch.Domain(s, 'Search', { version: opensearch.EngineVersion.OPENSEARCH_2_11 }); }),
      reason: /the OpenSearch domain is not encrypted in transit: the nodes exchange data in clear/,
    },
    {
      name: 'L2 OpenSearch domain encrypting node-to-node traffic but accepting HTTP',
      build: l1((s) => { new opensearch.Domain(s, 'Search', { version: opensearch.EngineVersion.OPENSEARCH_2_11, nodeToNodeEncryption: true }); }),
      reason: /the endpoint accepts HTTP \(DomainEndpointOptions\/EnforceHTTPS is false\)/,
    },
    { name: 'L1 DAX cluster with the default unencrypted endpoint', build: l1((s) => { new dax.CfnCluster(s, 'Dax', { iamRoleArn: 'arn:aws:iam::111111111111:role/dax', nodeType: 'dax.t3.small', replicationFactor: 2 }); }), reason: /ClusterEndpointEncryptionType is not set, so "NONE"/ },
    { name: 'L1 MSK cluster accepting plaintext clients (TLS_PLAINTEXT)', build: l1((s) => { kafka(s, { clientBroker: 'TLS_PLAINTEXT' }); }), reason: /clients may exchange data with the brokers in clear/ },
    { name: 'L1 MemoryDB cluster with TLS turned off', build: l1((s) => { new memorydb.CfnCluster(s, 'Mem', { clusterName: 'mem', nodeType: 'db.t4g.small', aclName: 'open-access', tlsEnabled: false }); }), reason: /TLSEnabled is false/ },
    {
      name: 'L1 Memcached cache cluster, and a replication group whose switch is off in one Fn::If branch',
      build: l1((s) => {
        new elasticache.CfnCacheCluster(s, 'Cache', { engine: 'memcached', cacheNodeType: 'cache.t4g.micro', numCacheNodes: 2 });
        const prod = new CfnCondition(s, 'IsProd', { expression: Fn.conditionEquals(new CfnParameter(s, 'Stage').valueAsString, 'prod') });
        redis(s, { transitEncryptionEnabled: Fn.conditionIf(prod.logicalId, true, false) as any });
      }),
      reason: /the ElastiCache cache cluster is not encrypted in transit[\s\S]*TransitEncryptionEnabled is false when condition IsProd is false/,
    },
  ],
  compliant: [{
    name: 'TLS required everywhere: Redis group (mode required by default), MemoryDB default TLS, OpenSearch with node-to-node encryption and HTTPS, DAX TLS endpoint, MSK defaults, ElastiCache Serverless, Memcached with TLS',
    build: l1((s) => {
      redis(s, { transitEncryptionEnabled: true });
      new elasticache.CfnCacheCluster(s, 'Cache', { engine: 'memcached', cacheNodeType: 'cache.t4g.micro', numCacheNodes: 2, transitEncryptionEnabled: true });
      new memorydb.CfnCluster(s, 'Mem', { clusterName: 'mem', nodeType: 'db.t4g.small', aclName: 'app-acl' });
      new opensearch.Domain(s, 'Search', { version: opensearch.EngineVersion.OPENSEARCH_2_11, nodeToNodeEncryption: true, enforceHttps: true, encryptionAtRest: { enabled: true } });
      new dax.CfnCluster(s, 'Dax', { iamRoleArn: 'arn:aws:iam::111111111111:role/dax', nodeType: 'dax.t3.small', replicationFactor: 2, clusterEndpointEncryptionType: 'TLS' });
      kafka(s);
      new elasticache.CfnServerlessCache(s, 'Serverless', { engine: 'valkey', serverlessCacheName: 'catalog' });
    }),
  }],
};
