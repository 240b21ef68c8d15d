import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, notShown, RuleVerdict, unverifiable } from '../rule';
import { asList, ENCRYPTED_ENDPOINT_TYPES } from '../../aws';

/** Endpoint types whose protocol other 1.24 rules read (ApiGatewayIntegrationTls reads the APIs' backend leg too). */
const READ_ELSEWHERE = ['AWS::ApiGateway::RestApi', 'AWS::ApiGatewayV2::Api'];
const BY_DESIGN = Object.keys(ENCRYPTED_ENDPOINT_TYPES).filter((t) => !READ_ELSEWHERE.includes(t));
const CHOSEN = ['AWS::Transfer::Server', 'AWS::VpcLattice::Listener'];
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
 * by default) and VPC Lattice listeners (`Protocol`), every value through the resolver (each `Fn::If` branch).
 * Fails when: a Transfer Family server accepts FTP; a VPC Lattice listener speaks HTTP between the VPCs of its service
 * network. A protocol unknown at synth is unverifiable. Not shown: an AS2 server (its messages are encrypted when the
 * partner agreement asks for it, which the template does not hold).
 * Passes: the endpoints encrypted by design (the fact is quoted as the evidence), SFTP and FTPS servers, HTTPS and TLS
 * passthrough listeners.
 * Fix: `Protocols: ['SFTP']` (or FTPS with a certificate); an HTTPS listener on the Lattice service.
 */
export const EndpointProtocolEncrypted = defineRule({
  name: 'EndpointProtocolEncrypted',
  description: 'Endpoints that carry data across a VPC boundary use protocols that encrypt: by the service\'s design (TLS-only APIs, IPsec VPN) or as the template chooses them (SFTP, HTTPS)',
  fix: 'Choose an encrypting protocol: SFTP or FTPS on Transfer Family servers (not FTP; AS2 with agreements that encrypt messages), HTTPS or TLS passthrough on VPC Lattice listeners',
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
    const res = app.resolve(r, 'Protocol');
    if (!res.ok) return unverifiable('Protocol', res.unresolved, 'Protocol');
    for (const { value } of res.values) {
      if (typeof value !== 'string') return unverifiable('the listener\'s protocol', value, 'Protocol');
      if (value === 'HTTP') return nonCompliant('the listener speaks HTTP, which carries data in clear between the VPCs of the service network', 'Protocol');
    }
    return COMPLIANT;
  },
});
