/**
 * Facts about the ports database and cache endpoints listen on: which attributes return an endpoint's port, the
 * property that sets it, and the default each engine uses when the property is absent (as the CloudFormation
 * reference documents each `Port` property). aws-cdk-lib's `connections.allowDefaultPortFrom(...)` writes such an
 * attribute (`Fn::GetAtt <db>.Endpoint.Port`) into the ingress rule, so the port a rule opens is read from here.
 */
import { byEnginePrefix } from './engines';

/** How a type's endpoint port is known: the attributes returning it, the property setting it, and the defaults. */
export interface EndpointPortFact {
  /** The `Fn::GetAtt` attributes that return the port of an endpoint of the resource. */
  readonly attributes: readonly string[];
  /** The property that sets the port. */
  readonly property: string;
  /** The property naming the engine, when the default depends on it. */
  readonly engineProperty?: string;
  /** The default port: one number, or by engine (a prefix of the engine name, lower case). */
  readonly defaultPort: number | readonly (readonly [enginePrefix: string, port: number])[];
  /**
   * For a member of a cluster (an Aurora instance): the property designating the cluster, whose port the member uses.
   * For a read replica: the property designating its source, whose port it inherits when `property` is absent.
   */
  readonly inheritsFrom?: readonly string[];
}

/** RDS engines and their default ports (MySQL and MariaDB 3306, PostgreSQL 5432, Oracle 1521, SQL Server 1433, Db2 50000). */
const RDS_ENGINE_PORTS: readonly (readonly [string, number])[] = [
  ['aurora-postgresql', 5432], ['aurora-mysql', 3306], ['aurora', 3306], ['mysql', 3306], ['mariadb', 3306], ['postgres', 5432],
  ['oracle', 1521], ['custom-oracle', 1521], ['sqlserver', 1433], ['custom-sqlserver', 1433], ['db2', 50000],
];

/** Endpoint port facts by resource type. */
export const ENDPOINT_PORTS: { readonly [type: string]: EndpointPortFact } = {
  'AWS::RDS::DBInstance': { attributes: ['Endpoint.Port'], property: 'Port', engineProperty: 'Engine', defaultPort: RDS_ENGINE_PORTS, inheritsFrom: ['DBClusterIdentifier', 'SourceDBInstanceIdentifier'] },
  'AWS::RDS::DBCluster': { attributes: ['Endpoint.Port', 'ReadEndpoint.Port'], property: 'Port', engineProperty: 'Engine', defaultPort: RDS_ENGINE_PORTS },
  'AWS::DocDB::DBCluster': { attributes: ['Port'], property: 'Port', defaultPort: 27017 },
  'AWS::Neptune::DBCluster': { attributes: ['Port'], property: 'Port', defaultPort: 8182 },
  'AWS::Redshift::Cluster': { attributes: ['Endpoint.Port'], property: 'Port', defaultPort: 5439 },
  'AWS::ElastiCache::ReplicationGroup': { attributes: ['PrimaryEndPoint.Port', 'ReaderEndPoint.Port', 'ConfigurationEndPoint.Port'], property: 'Port', engineProperty: 'Engine', defaultPort: [['redis', 6379], ['valkey', 6379]] },
  'AWS::ElastiCache::CacheCluster': { attributes: ['RedisEndpoint.Port', 'ConfigurationEndpoint.Port'], property: 'Port', engineProperty: 'Engine', defaultPort: [['memcached', 11211], ['redis', 6379], ['valkey', 6379]] },
  'AWS::MemoryDB::Cluster': { attributes: ['ClusterEndpoint.Port'], property: 'Port', defaultPort: 6379 },
};

/** Whether `Fn::GetAtt <resource>.<attribute>` returns the port of an endpoint of a resource of `type`. */
export function isEndpointPortAttribute(type: string, attribute: string | undefined): boolean {
  return attribute !== undefined && (ENDPOINT_PORTS[type]?.attributes.includes(attribute) ?? false);
}

/** The port a type's endpoint uses when its port property is absent (`engine` as the template gives it); undefined when unknown. */
export function defaultEndpointPort(type: string, engine: string | undefined): number | undefined {
  const fact = ENDPOINT_PORTS[type];
  if (!fact) return undefined;
  if (typeof fact.defaultPort === 'number') return fact.defaultPort;
  return engine === undefined ? undefined : byEnginePrefix(engine, fact.defaultPort);
}
