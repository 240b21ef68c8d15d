/**
 * How an AWS DMS endpoint (`AWS::DMS::Endpoint`) protects the connection between the replication instance and its
 * database, by `EngineName` (AWS DMS User Guide, "Using SSL with AWS Database Migration Service", and the CloudFormation
 * reference of `AWS::DMS::Endpoint`):
 * - the engines DMS reaches through an AWS service API (S3, DynamoDB, Kinesis, Neptune, OpenSearch): HTTPS, with no
 *   SSL mode to choose;
 * - Redis: `RedisSettings.SslSecurityProtocol`, `ssl-encryption` by default, `plaintext` without TLS;
 * - Kafka: `KafkaSettings.SecurityProtocol`, `ssl-encryption`, `ssl-authentication` or `sasl-ssl` over TLS; left out,
 *   the connection is in clear;
 * - every other engine (SQL Server, MySQL, MariaDB, PostgreSQL, Oracle, SAP ASE, Db2, MongoDB, DocumentDB, Redshift...):
 *   `SslMode`, `none` by default, `require`, `verify-ca` or `verify-full` over TLS.
 */

/** The engines DMS reaches through an AWS service API over HTTPS. */
export const DMS_HTTPS_API_ENGINES: readonly string[] = ['s3', 'dynamodb', 'kinesis', 'neptune', 'elasticsearch', 'opensearch'];

/** Where an engine chooses its protocol: the property, the values that encrypt, and the value when it is left out. */
export interface DmsTlsSetting {
  readonly path: string;
  readonly encrypted: readonly string[];
  readonly absent: string;
}

/** `SslMode` of the engines that have one. */
export const DMS_SSL_MODE: DmsTlsSetting = { path: 'SslMode', encrypted: ['require', 'verify-ca', 'verify-full'], absent: 'none' };

/** The engines whose protocol is chosen by a setting of their own. */
export const DMS_ENGINE_TLS: { readonly [engine: string]: DmsTlsSetting } = {
  redis: { path: 'RedisSettings/SslSecurityProtocol', encrypted: ['ssl-encryption'], absent: 'ssl-encryption' },
  kafka: { path: 'KafkaSettings/SecurityProtocol', encrypted: ['ssl-encryption', 'ssl-authentication', 'sasl-ssl'], absent: 'plaintext' },
};

/** The TLS setting of a DMS engine, or undefined for the engines reached through an AWS service API (always HTTPS). */
export function dmsTlsSetting(engine: string): DmsTlsSetting | undefined {
  const e = engine.toLowerCase();
  if (DMS_HTTPS_API_ENGINES.includes(e)) return undefined;
  return DMS_ENGINE_TLS[e] ?? DMS_SSL_MODE;
}
