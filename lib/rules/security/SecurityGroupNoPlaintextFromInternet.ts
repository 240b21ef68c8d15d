import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, notShown, RuleVerdict, unverifiable } from '../rule';
import { ipProtocol, isDeployTime, isNonInternetBlock, protocolOnPort, unencryptedPortsIn } from '../../aws';
import { describePorts, loadBalancerGroups, openEntriesOf, portRange, readRules, RULE_TYPES, SecurityGroupRule, sourceOf } from '../utils/security-groups';

/** Where an ingress rule admits traffic from: the internet (with how it shows), inside private address space, or unknown. */
function internetSource(sg: SecurityGroupRule, app: AppView): { readonly internet: string } | { readonly unknown: unknown } | undefined {
  const source = sourceOf(sg, 'ingress');
  if (source.kind === 'unknown') return { unknown: source.value };
  if (source.kind === 'cidr') return isNonInternetBlock(source.range) ? undefined : { internet: source.open ? source.cidr : `${source.cidr} (public addresses)` };
  if (source.kind === 'prefix-list' && source.list) {
    const entries = openEntriesOf(source.list, app);
    if (!Array.isArray(entries)) return { unknown: (entries as { unknown: unknown }).unknown };
    return entries.length > 0 ? { internet: `prefix list ${source.list.path} (entry ${entries[0]})` } : undefined;
  }
  // A VPC's own block, a security group, an AWS-managed prefix list: traffic from inside AWS's networks.
  return undefined;
}

/** What an ingress rule admits, as far as encryption goes: one unencrypted protocol, 'encrypted', 'no data' (ICMP), or what is not known. */
function admitted(rule: { readonly [key: string]: any }): { readonly clear: string; readonly optional: boolean } | 'encrypted' | 'no-data' | { readonly unknown: string } {
  if (isDeployTime(rule.IpProtocol)) return { unknown: 'the protocol is not known at synth' };
  const protocol = String(rule.IpProtocol ?? '').toLowerCase();
  if (['icmp', '1', 'icmpv6', '58'].includes(protocol)) return 'no-data';
  if (protocol === '-1' || protocol === 'all') return { clear: 'every protocol, HTTP (tcp 80) among them', optional: false };
  if (!['tcp', 'udp', '6', '17'].includes(protocol)) {
    const ip = ipProtocol(protocol);
    if (!ip) return { unknown: `IP protocol ${protocol} does not say whether it encrypts` };
    return ip.encryption === 'encrypted' ? 'encrypted' : { clear: `${ip.name} (IP protocol ${protocol})`, optional: false };
  }
  const ports = portRange(rule);
  if (!ports) return { unknown: 'the ports are not known at synth' };
  const unencrypted = unencryptedPortsIn(protocol, ports.from, ports.to);
  const worst = unencrypted.find((u) => u.protocol.encryption === 'plaintext') ?? unencrypted[0];
  if (worst) return { clear: `${worst.protocol.name} (${protocol} ${worst.port})`, optional: worst.protocol.encryption === 'optional' };
  const known = ports.from === ports.to ? protocolOnPort(protocol, ports.from) : undefined;
  if (known?.encryption === 'encrypted') return 'encrypted';
  return { unknown: `the template does not say which protocol ${describePorts(rule)} carries` };
}

/**
 * Reads: `AWS::EC2::SecurityGroup` (inline ingress) and `AWS::EC2::SecurityGroupIngress` (whose group may be in another
 * stack), every value read through the resolver (each `Fn::If` branch, imports); the customer-managed prefix lists
 * rules name; across the app, the load balancers each group is attached to (their listeners decide, see
 * LoadBalancerListenerTls and InternalListenerTls). Rules from the internet only: 0.0.0.0/0, ::/0, public address
 * ranges, prefix lists with such entries (traffic from private ranges, a VPC's own block or security groups comes over
 * VPN, Direct Connect or peering, which other rules read). A group open to the internet admits traffic from across the
 * VPC boundary wherever it is attached: a target of a Network Load Balancer that keeps client addresses behind a TLS
 * listener shows the same rule, and is acknowledged with that listener (or the balancer given a security group).
 * Fails when: such a rule admits a protocol that carries data in clear (HTTP on 80 or 8080, Telnet, FTP data, DNS,
 * SNMP, every protocol...). Not shown (no finding; the item is decided another way): a protocol that encrypts only when
 * the server requires TLS (SMTP, IMAP, LDAP, SMB, database ports), or a port whose protocol the template does not say (a
 * custom port): a design the sentence allows that a security group cannot show. Passes when every protocol admitted
 * from the internet encrypts (HTTPS, SSH, RDP, LDAPS, IMAPS, IPsec, OpenVPN, WireGuard...). A group that admits nothing
 * from the internet is not read. A source, protocol or port unknown at synth, with a port that is not encrypted, is
 * unverifiable.
 * Fix: admit only TLS from the internet (HTTPS on 443 rather than HTTP on 80; a redirect belongs on a load balancer),
 * or put the service behind an internet-facing load balancer with an HTTPS listener.
 */
export const SecurityGroupNoPlaintextFromInternet = defineRule({
  name: 'SecurityGroupNoPlaintextFromInternet',
  description: 'Security groups admit from the internet only protocols that encrypt (HTTPS, SSH, RDP, IPsec...), never plain text',
  fix: 'Admit only encrypted protocols from the internet (HTTPS 443, not HTTP 80); serve plain HTTP redirects from an internet-facing load balancer with an HTTPS listener, or acknowledge the finding with how the traffic is encrypted',
  resourceTypes: RULE_TYPES.ingress,
  scope: 'app',
  check(r, app): RuleVerdict {
    if (!this.resourceTypes.includes(r.type)) return NOT_APPLICABLE;
    const read = readRules(r, 'ingress', app);
    if ('verdict' in read) return read.verdict;
    const { rules } = read;
    let fromInternet = false;
    let unknown: RuleVerdict | undefined;
    let hidden: RuleVerdict | undefined;
    for (const sg of rules) {
      if (sg.group && loadBalancerGroups(app).has(`${sg.group.stack.path}|${sg.group.logicalId}`)) continue;
      const source = internetSource(sg, app);
      if (source === undefined) continue;
      const what = admitted(sg.rule);
      if (what === 'no-data') continue;
      if (what === 'encrypted') {
        if ('internet' in source) fromInternet = true;
        continue;
      }
      if ('unknown' in source) {
        unknown ??= unverifiable('the ingress source CIDR of a rule that admits traffic not known to be encrypted', source.unknown, sg.location);
        continue;
      }
      fromInternet = true;
      if ('clear' in what && !what.optional) {
        return nonCompliant(`ingress from ${source.internet} admits ${what.clear}, which carries data in clear across the VPC boundary`, sg.location);
      }
      // A server that requires TLS, or a custom port that speaks it, is a design the sentence allows: what the template cannot show.
      hidden ??= notShown('clear' in what
        ? `ingress from ${source.internet} admits ${what.clear}, which is encrypted only when the server requires TLS: the template cannot show that it does`
        : `ingress from ${source.internet}: ${what.unknown}, so the template cannot show that it is encrypted`, sg.location);
    }
    if (unknown) return unknown;
    if (hidden) return hidden;
    return fromInternet ? COMPLIANT : NOT_APPLICABLE;
  },
});

