import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { isProtectedListener, listenerTraffic, plainTextServing } from '../utils/listeners';

/**
 * Reads: `AWS::ElasticLoadBalancingV2::Listener`, its load balancer (by `LoadBalancerArn` Ref), the load
 * balancer's security groups with their ingress rules and VPC, and the listener's `ListenerRule`s.
 * Applies to traffic that crosses a VPC boundary (item 1.24): listeners of internet-facing load balancers,
 * and of internal ones whose security groups admit a source outside their VPC (a CIDR outside the VPC's
 * blocks, a prefix list). Listeners of internal load balancers reached only from inside their VPC are
 * InternalListenerTls's (recommended).
 * Fails when: such a listener is plain HTTP that does anything but redirect to HTTPS (default action or any
 * rule), or plain TCP / UDP / TCP_UDP. HTTPS, TLS and GENEVE (gateway load balancers) pass. A protocol, load
 * balancer, scheme, security group or VPC range unknown at synth is unverifiable.
 * Fix: HTTPS/TLS listeners with an ACM certificate, and `alb.addRedirect()` for port 80.
 */
export const LoadBalancerListenerTls = defineRule({
  name: 'LoadBalancerListenerTls',
  description: 'Load balancer listeners whose traffic crosses a VPC boundary use TLS (HTTP only redirects to HTTPS)',
  fix: 'Use HTTPS/TLS listeners with an ACM certificate and make port 80 a redirect to HTTPS (alb.addRedirect()); or make the load balancer internal and admit only sources inside its VPC',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'],
  scope: 'stack',
  check(r: ResourceView, app: AppView): RuleVerdict {
    if (r.type !== 'AWS::ElasticLoadBalancingV2::Listener') return NOT_APPLICABLE;
    const secured = isProtectedListener(r, app);
    if (secured === 'unknown') return unverifiable('Protocol', r.properties.Protocol, 'Protocol');
    if (secured) return COMPLIANT;
    const plain = plainTextServing(r, app);
    if (!plain) return COMPLIANT;
    const traffic = listenerTraffic(r, app);
    if ('status' in traffic) return traffic;
    if (traffic.kind === 'inside') return NOT_APPLICABLE;
    return nonCompliant(`${plain}, and its traffic crosses the VPC boundary: ${traffic.why}`, 'Protocol');
  },
});
