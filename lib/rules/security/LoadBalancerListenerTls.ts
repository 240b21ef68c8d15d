import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { classicListeners, isProtectedClassicProtocol, isProtectedListener, listenerTraffic, loadBalancerTraffic, plainTextServing } from '../utils/listeners';

const CLASSIC = 'AWS::ElasticLoadBalancing::LoadBalancer';
const TYPES = ['AWS::ElasticLoadBalancingV2::Listener', CLASSIC];

/** A Classic Load Balancer: its HTTP/TCP listeners fail when its traffic crosses the VPC boundary. */
function checkClassic(lb: ResourceView, app: AppView): RuleVerdict {
  const listeners = classicListeners(lb, app);
  if (!Array.isArray(listeners)) return listeners as RuleVerdict;
  const plain = [];
  for (const l of listeners) {
    const secured = isProtectedClassicProtocol(l.protocol);
    if (secured === 'unknown') return unverifiable(`${l.location}/Protocol`, l.protocol, `${l.location}/Protocol`);
    if (!secured) plain.push(l);
  }
  if (plain.length === 0) return COMPLIANT;
  const traffic = loadBalancerTraffic(lb, app);
  if ('status' in traffic) return traffic;
  if (traffic.kind === 'inside') return NOT_APPLICABLE;
  const first = plain[0];
  return nonCompliant(`the ${String(first.protocol)} listener on port ${String(first.port)} carries traffic without TLS, and its traffic crosses the VPC boundary: ${traffic.why}`, `${first.location}/Protocol`);
}

/**
 * Reads: `AWS::ElasticLoadBalancingV2::Listener` with its load balancer (by `LoadBalancerArn`, through the resolver),
 * the load balancer's security groups with their ingress rules (inline and standalone, from any stack) and VPC, and
 * the listener's `ListenerRule`s; `AWS::ElasticLoadBalancing::LoadBalancer` (Classic) with its `Listeners`, scheme and
 * security groups. Every value through the resolver (each `Fn::If` branch).
 * Applies to traffic that crosses a VPC boundary (item 1.24): listeners of internet-facing load balancers,
 * and of internal ones whose security groups admit a source outside their VPC (a CIDR outside the VPC's
 * blocks, a prefix list). Listeners of internal load balancers reached only from inside their VPC are
 * InternalListenerTls's (recommended).
 * Fails when: such an ELBv2 listener is plain HTTP that does anything but redirect to HTTPS (default action or any
 * rule), or plain TCP / UDP / TCP_UDP; such a Classic listener's front end is HTTP or TCP (a Classic Load Balancer
 * cannot redirect). HTTPS, TLS, SSL and GENEVE (gateway load balancers) pass, and so does a TCP listener that passes TLS
 * through: every target group it forwards to health-checks its targets over HTTPS on the traffic port, so the targets
 * terminate TLS on the port the listener sends the connections to. A protocol, load balancer, scheme,
 * security group or VPC range unknown at synth is unverifiable.
 * Fix: HTTPS/TLS listeners with an ACM certificate, and `alb.addRedirect()` for port 80; for a Classic Load Balancer,
 * HTTPS/SSL listeners (or move to an Application or Network Load Balancer).
 */
export const LoadBalancerListenerTls = defineRule({
  name: 'LoadBalancerListenerTls',
  description: 'Load balancer listeners whose traffic crosses a VPC boundary use TLS (HTTP only redirects to HTTPS)',
  fix: 'Use HTTPS/TLS (Classic: HTTPS/SSL) listeners with an ACM certificate and make port 80 a redirect to HTTPS (alb.addRedirect()); or make the load balancer internal and admit only sources inside its VPC',
  resourceTypes: TYPES,
  scope: 'app',
  check(r: ResourceView, app: AppView): RuleVerdict {
    if (!TYPES.includes(r.type)) return NOT_APPLICABLE;
    if (r.type === CLASSIC) return checkClassic(r, app);
    const secured = isProtectedListener(r, app);
    if (secured === 'unknown') {
      const res = app.resolve(r, 'Protocol');
      return unverifiable('Protocol', res.ok ? res.values.map((v) => v.value).find((v) => typeof v !== 'string') : res.unresolved, 'Protocol');
    }
    if (secured) return COMPLIANT;
    const plain = plainTextServing(r, app);
    if (!plain) return COMPLIANT;
    const traffic = listenerTraffic(r, app);
    if ('status' in traffic) return traffic;
    if (traffic.kind === 'inside') return NOT_APPLICABLE;
    return nonCompliant(`${plain}, and its traffic crosses the VPC boundary: ${traffic.why}`, 'Protocol');
  },
});
