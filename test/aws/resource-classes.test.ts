import * as fs from 'fs';
import * as path from 'path';
import { isOfClass, PROTOCOL_TYPES, RESOURCE_TYPE_CLASSES, resourceClassesOf, typesOfClass } from '../../lib/aws';

/** Every resource type of the specification aws-cdk-lib ships: the `CFN_RESOURCE_TYPE_NAME` of every L1 class. */
function specificationTypes(): Set<string> {
  const root = path.dirname(require.resolve('aws-cdk-lib/package.json'));
  const types = new Set<string>();
  for (const module of fs.readdirSync(root)) {
    const lib = path.join(root, module, 'lib');
    if (!fs.existsSync(lib) || !fs.statSync(lib).isDirectory()) continue;
    for (const file of fs.readdirSync(lib).filter((f) => f.endsWith('.generated.js'))) {
      for (const m of fs.readFileSync(path.join(lib, file), 'utf-8').matchAll(/CFN_RESOURCE_TYPE_NAME\s*=\s*"([^"]+)"/g)) types.add(m[1]);
    }
  }
  return types;
}

describe('aws/resource-classes', () => {
  const spec = specificationTypes();

  test('the specification is read (more than a thousand types)', () => {
    // GIVEN / WHEN / THEN
    expect(spec.size).toBeGreaterThan(1000);
    expect(spec.has('AWS::S3::Bucket')).toBe(true);
  });

  test('every type of the specification is classified, and the table holds no type the specification lacks', () => {
    // GIVEN
    const table = new Set(Object.keys(RESOURCE_TYPE_CLASSES));
    // WHEN
    const missing = [...spec].filter((t) => !table.has(t)).sort();
    const extra = [...table].filter((t) => !spec.has(t)).sort();
    // THEN: classify new types by hand in lib/aws/resource-classes.ts (one line each: 'none', 'data', 'traffic', 'capacity' or several)
    expect(missing.map((t) => `'${t}': <classes>`)).toEqual([]);
    expect(extra).toEqual([]);
  });

  test('the table is sorted, one line per type', () => {
    // GIVEN
    const keys = Object.keys(RESOURCE_TYPE_CLASSES);
    // WHEN / THEN
    expect(keys).toEqual([...keys].sort());
  });

  test.each([
    ['data', [
      'AWS::S3::Bucket', 'AWS::DynamoDB::Table', 'AWS::EFS::FileSystem', 'AWS::FSx::FileSystem', 'AWS::FSx::Volume', 'AWS::EC2::Volume', 'AWS::RDS::DBInstance',
      'AWS::RDS::DBCluster', 'AWS::DocDB::DBCluster', 'AWS::Neptune::DBCluster', 'AWS::Redshift::Cluster', 'AWS::ElastiCache::ReplicationGroup',
      'AWS::ElastiCache::CacheCluster', 'AWS::ElastiCache::ServerlessCache', 'AWS::MemoryDB::Cluster', 'AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain',
      'AWS::Kinesis::Stream', 'AWS::KinesisFirehose::DeliveryStream', 'AWS::MSK::Cluster', 'AWS::SQS::Queue', 'AWS::SNS::Topic', 'AWS::Backup::BackupVault',
      'AWS::Logs::LogGroup', 'AWS::ECR::Repository', 'AWS::EC2::Instance', 'AWS::AutoScaling::AutoScalingGroup',
    ]],
    ['traffic', [
      'AWS::ElasticLoadBalancing::LoadBalancer', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancingV2::Listener', 'AWS::CloudFront::Distribution',
      'AWS::ApiGateway::Stage', 'AWS::ApiGatewayV2::Stage', 'AWS::EC2::VPNConnection', 'AWS::EC2::ClientVpnEndpoint', 'AWS::DirectConnect::Connection',
      'AWS::EC2::TransitGatewayVpcAttachment', 'AWS::EC2::TransitGatewayPeeringAttachment', 'AWS::EC2::NatGateway', 'AWS::EC2::InternetGateway',
      'AWS::EC2::VPCPeeringConnection', 'AWS::EC2::VPCEndpoint', 'AWS::GlobalAccelerator::Accelerator', 'AWS::Lambda::Url', 'AWS::Transfer::Server',
    ]],
    ['capacity', [
      'AWS::EC2::Instance', 'AWS::AutoScaling::AutoScalingGroup', 'AWS::ECS::Service', 'AWS::Lambda::Function', 'AWS::EKS::Nodegroup', 'AWS::RDS::DBInstance',
      'AWS::RDS::DBCluster', 'AWS::FSx::FileSystem', 'AWS::ElastiCache::ReplicationGroup', 'AWS::OpenSearchService::Domain', 'AWS::Batch::ComputeEnvironment',
    ]],
  ] as const)('reviewed %s types', (resourceClass, types) => {
    // GIVEN / WHEN / THEN
    expect(types.filter((t) => !isOfClass(t, resourceClass))).toEqual([]);
  });

  test.each(['AWS::IAM::Role', 'AWS::EC2::RouteTable', 'AWS::Glue::Table', 'AWS::RDS::GlobalCluster', 'AWS::EC2::LaunchTemplate', 'AWS::KMS::Key'])('%s is in no class', (type) => {
    // GIVEN / WHEN / THEN
    expect(resourceClassesOf(type)).toEqual([]);
  });

  test('the protocol types are traffic types where a protocol is chosen, listed once and sorted; plumbing is not among them', () => {
    // GIVEN / WHEN / THEN
    expect(PROTOCOL_TYPES.filter((t) => !isOfClass(t, 'traffic'))).toEqual([]);
    expect([...PROTOCOL_TYPES]).toEqual([...new Set(PROTOCOL_TYPES)].sort());
    expect(typesOfClass('protocol')).toEqual([...PROTOCOL_TYPES]);
    expect(resourceClassesOf('AWS::ElasticLoadBalancingV2::Listener')).toEqual(['traffic', 'protocol']);
    for (const plumbing of ['AWS::EC2::InternetGateway', 'AWS::EC2::NatGateway', 'AWS::EC2::TransitGatewayVpcAttachment', 'AWS::EC2::VPCEndpoint', 'AWS::EC2::VPNGateway', 'AWS::ApiGateway::Stage', 'AWS::ElasticLoadBalancingV2::LoadBalancer']) {
      expect({ plumbing, classes: resourceClassesOf(plumbing) }).toEqual({ plumbing, classes: ['traffic'] });
    }
  });

  test('a type the table does not know has no classes, rather than none', () => {
    // GIVEN / WHEN / THEN
    expect(resourceClassesOf('Custom::Anything')).toBeUndefined();
    expect(resourceClassesOf('toString')).toBeUndefined();
    expect(resourceClassesOf('AWS::RDS::DBInstance')).toEqual(['data', 'capacity']);
    expect(typesOfClass('traffic')).toContain('AWS::EC2::VPNConnection');
  });
});
