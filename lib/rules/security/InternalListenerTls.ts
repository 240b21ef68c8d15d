import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict } from '../rule';
import { isProtectedListener, listenerTraffic, plainTextServing } from '../utils/listeners';

/**
 * Reads: `AWS::ElasticLoadBalancingV2::Listener` of internal load balancers whose traffic stays inside their
 * VPC (see LoadBalancerListenerTls, which reads every other listener; the same analysis decides).
 * Fails when: such a listener is plain HTTP that does not only redirect to HTTPS, or plain TCP / UDP.
 * Recommended beyond item 1.24, which asks for encryption across a VPC boundary only. Listeners whose protocol
 * or load balancer is unknown at synth are LoadBalancerListenerTls's to report.
 * Fix: HTTPS/TLS listeners here too (a private ACM certificate or one from ACM Private CA).
 */
export const InternalListenerTls = defineRule({
  name: 'InternalListenerTls',
  description: 'Listeners of internal load balancers use TLS even when their traffic stays inside the VPC',
  fix: 'Use an HTTPS/TLS listener with a certificate (ACM, or ACM Private CA for private names) on the internal load balancer too',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'],
  scope: 'stack',
  check(r: ResourceView, app: AppView): RuleVerdict {
    if (r.type !== 'AWS::ElasticLoadBalancingV2::Listener') return NOT_APPLICABLE;
    const traffic = listenerTraffic(r, app);
    if ('status' in traffic || traffic.kind !== 'inside') return NOT_APPLICABLE;
    const secured = isProtectedListener(r, app);
    if (secured === 'unknown') return NOT_APPLICABLE;
    if (secured) return COMPLIANT;
    const plain = plainTextServing(r, app);
    return plain ? nonCompliant(`${plain}; ${traffic.why}`, 'Protocol') : COMPLIANT;
  },
});
