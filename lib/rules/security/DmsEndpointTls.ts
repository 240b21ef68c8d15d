import { COMPLIANT, defineRule, NOT_APPLICABLE, notShown, RuleVerdict, unverifiable } from '../rule';
import { dmsTlsSetting, isDeployTime, literalString, ResourceValue } from '../../aws';

/**
 * Reads: `AWS::DMS::Endpoint` (the connection between the replication instance and the endpoint's database), through
 * the DMS facts of `lib/aws/dms.ts`.
 * Passes when: the engine is reached through an AWS service API (S3, DynamoDB, Kinesis, Neptune, OpenSearch: HTTPS), or
 * its TLS setting encrypts (`SslMode` `require`, `verify-ca` or `verify-full`; Redis `ssl-encryption`, its default; Kafka
 * `ssl-encryption`, `ssl-authentication` or `sasl-ssl`). An endpoint whose `ServerName` is a resource of the app (an RDS
 * instance or cluster endpoint) connects inside AWS to a store whose own encryption in transit item 1.22 reads: not read.
 * Not shown: a connection in clear (`SslMode` `none`, DMS's default, or `plaintext`) to a server named by a literal host
 * or a secret: it crosses the VPC boundary encrypted only if the link to that network does (a Site-to-Site VPN's IPsec),
 * which the endpoint does not show. Values unknown at synth are reported.
 * Fix: set `SslMode` to `verify-full` (or `require`) with the server's CA certificate (`CertificateArn`), or send the
 * traffic over a Site-to-Site VPN or Direct Connect with MACsec and attest it.
 */
export const DmsEndpointTls = defineRule({
  name: 'DmsEndpointTls',
  description: 'AWS DMS endpoints connect to their databases over TLS',
  fix: 'Set SslMode to verify-full or require, with CertificateArn naming the server\'s CA; Redis SslSecurityProtocol to ssl-encryption, Kafka SecurityProtocol to ssl-encryption or sasl-ssl; or carry the connection over a VPN and attest it',
  resourceTypes: ['AWS::DMS::Endpoint'],
  scope: 'resource',
  check(r, app): RuleVerdict {
    if (r.type !== 'AWS::DMS::Endpoint') return NOT_APPLICABLE;
    const engine = literalString(r.properties.EngineName);
    if (engine === undefined) return unverifiable('EngineName', r.properties.EngineName, 'EngineName');
    const setting = dmsTlsSetting(engine);
    if (setting === undefined) return COMPLIANT;
    const server = app.resolve(r, 'ServerName');
    if (server.ok && server.values.length > 0 && server.values.every(({ value }) => value instanceof ResourceValue)) return NOT_APPLICABLE;
    const res = app.resolve(r, setting.path);
    if (!res.ok) return unverifiable(setting.path, res.unresolved, setting.path);
    for (const { value } of res.values) {
      if (isDeployTime(value)) return unverifiable(setting.path, value, setting.path);
      const mode = value === undefined ? setting.absent : literalString(value);
      if (mode === undefined) return unverifiable(setting.path, value, setting.path);
      if (!setting.encrypted.includes(mode.toLowerCase())) {
        return notShown(`the ${engine} endpoint connects without TLS (${setting.path} ${value === undefined ? `not set, ${setting.absent} by default` : `'${mode}'`}): whether its traffic crosses the VPC boundary encrypted depends on where the database is and the link to it (a Site-to-Site VPN's IPsec), which the endpoint does not show`, setting.path);
      }
    }
    return COMPLIANT;
  },
});
