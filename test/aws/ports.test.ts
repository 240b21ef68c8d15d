import { defaultEndpointPort, ENDPOINT_PORTS, isEndpointPortAttribute } from '../../lib/aws';

describe('aws/ports: the ports database and cache endpoints listen on', () => {
  test.each([
    ['AWS::RDS::DBInstance', 'mysql', 3306], ['AWS::RDS::DBInstance', 'mariadb', 3306], ['AWS::RDS::DBInstance', 'postgres', 5432],
    ['AWS::RDS::DBInstance', 'oracle-ee-cdb', 1521], ['AWS::RDS::DBInstance', 'sqlserver-se', 1433], ['AWS::RDS::DBInstance', 'custom-sqlserver-ee', 1433],
    ['AWS::RDS::DBInstance', 'db2-ae', 50000], ['AWS::RDS::DBCluster', 'aurora-postgresql', 5432], ['AWS::RDS::DBCluster', 'aurora-mysql', 3306],
    ['AWS::RDS::DBCluster', 'aurora', 3306], ['AWS::ElastiCache::CacheCluster', 'memcached', 11211], ['AWS::ElastiCache::ReplicationGroup', 'valkey', 6379],
    ['AWS::DocDB::DBCluster', undefined, 27017], ['AWS::Neptune::DBCluster', undefined, 8182], ['AWS::Redshift::Cluster', undefined, 5439],
  ] as const)('%s with engine %s listens on %d by default', (type, engine, port) => {
    expect(defaultEndpointPort(type, engine)).toBe(port);
  });

  test('an engine the table does not know, or a type without endpoint ports, has no default', () => {
    expect(defaultEndpointPort('AWS::RDS::DBInstance', 'cassandra')).toBeUndefined();
    expect(defaultEndpointPort('AWS::RDS::DBInstance', undefined)).toBeUndefined();
    expect(defaultEndpointPort('AWS::S3::Bucket', 'mysql')).toBeUndefined();
  });

  test('the attributes that return a port are the ones aws-cdk-lib writes for allowDefaultPortFrom', () => {
    expect(isEndpointPortAttribute('AWS::RDS::DBInstance', 'Endpoint.Port')).toBe(true);
    expect(isEndpointPortAttribute('AWS::RDS::DBInstance', 'Endpoint.Address')).toBe(false);
    expect(isEndpointPortAttribute('AWS::DocDB::DBCluster', 'Port')).toBe(true);
    expect(Object.values(ENDPOINT_PORTS).every((f) => f.attributes.length > 0)).toBe(true);
  });
});
