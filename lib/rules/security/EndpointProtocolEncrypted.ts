import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, notShown, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { asList, ENCRYPTED_ENDPOINT_TYPES } from '../../aws';

/** Endpoint types whose protocol other 1.24 rules read (ApiGatewayIntegrationTls reads the APIs' backend leg too). */
const READ_ELSEWHERE = ['AWS::ApiGateway::RestApi', 'AWS::ApiGatewayV2::Api'];
const BY_DESIGN = Object.keys(ENCRYPTED_ENDPOINT_TYPES).filter((t) => !READ_ELSEWHERE.includes(t));
const CHOSEN = ['AWS::Transfer::Server', 'AWS::VpcLattice::Listener', 'AWS::Route53Resolver::ResolverEndpoint'];
/** DNS over HTTPS: the only Resolver endpoint protocols that encrypt the queries themselves. */
const DOH = ['DoH', 'DoH-FIPS'];
const TYPES = [...BY_DESIGN, ...CHOSEN];

/** What a Transfer Family server's protocols carry: FTP in clear, AS2 encrypted only when the agreement says so. */
function transferServer(protocols: readonly unknown[], location: string): RuleVerdict {
  if (protocols.some((p) => typeof p !== 'string')) return unverifiable('the protocols of the server', protocols.find((p) => typeof p !== 'string'), location);
  if (protocols.includes('FTP')) return nonCompliant('the server accepts FTP, which carries files and passwords in clear (SFTP and FTPS encrypt)', location);
  if (protocols.includes('AS2')) return notShown('AS2 runs over HTTP and encrypts a message only when the partner agreement asks for it, which the server does not show', location);
  return COMPLIANT;
}

/**
 * Reads: the endpoints whose every connection the service encrypts (`lib/aws/transit.ts`: API Gateway custom domain
 * names, Lambda function URLs, AppSync APIs, IPsec VPN connections, Client VPN and EC2 Instance Connect endpoints), and
 * the endpoints whose protocol the template chooses that no other rule reads: Transfer Family servers (`Protocols`, SFTP
 * by default), VPC Lattice listeners (`Protocol`) and Route 53 Resolver endpoints (`Protocols`: Do53, DoH, DoH-FIPS;
 * "None, which is treated as Do53", Route 53 API reference), every value through the resolver (each `Fn::If` branch).
 * Fails when: a Transfer Family server accepts FTP; a VPC Lattice listener speaks HTTP between the VPCs of its service
 * network. A protocol unknown at synth is unverifiable. Not shown: an AS2 server (its messages are encrypted when the
 * partner agreement asks for it, which the template does not hold); a Resolver endpoint that accepts or sends Do53 (DNS
 * on port 53 is in clear, but the queries cross the VPC boundary over the customer's connection, which an IPsec VPN
 * encrypts and the endpoint does not show).
 * Passes: the endpoints encrypted by design (the fact is quoted as the evidence), SFTP and FTPS servers, HTTPS and TLS
 * passthrough listeners, Resolver endpoints that speak DNS over HTTPS only.
 * Fix: `Protocols: ['SFTP']` (or FTPS with a certificate); an HTTPS listener on the Lattice service.
 */
export const EndpointProtocolEncrypted = defineRule({
  name: 'EndpointProtocolEncrypted',
  description: 'Endpoints that carry data across a VPC boundary use protocols that encrypt: by the service\'s design (TLS-only APIs, IPsec VPN) or as the template chooses them (SFTP, HTTPS)',
  fix: 'Choose an encrypting protocol: SFTP or FTPS on Transfer Family servers (not FTP; AS2 with agreements that encrypt messages), HTTPS or TLS passthrough on VPC Lattice listeners, DoH on Route 53 Resolver endpoints (or Do53 only over an encrypted connection such as a Site-to-Site VPN)',
  resourceTypes: TYPES,
  scope: 'resource',
  check(r, app): RuleVerdict {
    if (!TYPES.includes(r.type)) return NOT_APPLICABLE;
    if (BY_DESIGN.includes(r.type)) return COMPLIANT;
    if (r.type === 'AWS::Transfer::Server') {
      if (r.properties.Protocols === undefined) return COMPLIANT; // SFTP, CloudFormation's default
      const res = app.resolve(r, 'Protocols');
      if (!res.ok) return unverifiable('Protocols', res.unresolved, 'Protocols');
      for (const { value } of res.values) {
        const verdict = transferServer(asList(value), 'Protocols');
        if (verdict.status !== 'compliant') return verdict;
      }
      return COMPLIANT;
    }
    if (r.type === 'AWS::Route53Resolver::ResolverEndpoint') return resolverEndpoint(r, app);
    const res = app.resolve(r, 'Protocol');
    if (!res.ok) return unverifiable('Protocol', res.unresolved, 'Protocol');
    for (const { value } of res.values) {
      if (typeof value !== 'string') return unverifiable('the listener\'s protocol', value, 'Protocol');
      if (value === 'HTTP') return nonCompliant('the listener speaks HTTP, which carries data in clear between the VPCs of the service network', 'Protocol');
    }
    return COMPLIANT;
  },
});

/** DNS over HTTPS passes; Do53 (also when `Protocols` is left out) is not shown: the connection it crosses decides. */
function resolverEndpoint(r: ResourceView, app: AppView): RuleVerdict {
  if (r.properties.Protocols === undefined) return do53('Protocols is not set, which AWS treats as Do53');
  const res = app.resolve(r, 'Protocols');
  if (!res.ok) return unverifiable('Protocols', res.unresolved, 'Protocols');
  for (const { value } of res.values) {
    const protocols = asList(value);
    if (protocols.some((p) => typeof p !== 'string')) return unverifiable('the protocols of the endpoint', protocols.find((p) => typeof p !== 'string'), 'Protocols');
    if (protocols.length === 0) return do53('Protocols is empty, which AWS treats as Do53');
    if (!protocols.every((p) => DOH.includes(p as string))) return do53('the endpoint speaks Do53');
  }
  return COMPLIANT;
}

function do53(why: string): RuleVerdict {
  return notShown(`${why}: DNS on port 53 is in clear, so whether the queries cross the VPC boundary encrypted depends on the connection to the other network (a Site-to-Site VPN's IPsec encrypts them), which the endpoint does not show`, 'Protocols');
}
