import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict } from '../rule';
import { classicListeners, isProtectedClassicProtocol, isProtectedListener, listenerTraffic, loadBalancerTraffic, plainTextServing } from '../utils/listeners';

const CLASSIC = 'AWS::ElasticLoadBalancing::LoadBalancer';
const TYPES = ['AWS::ElasticLoadBalancingV2::Listener', CLASSIC];

function checkClassic(lb: ResourceView, app: AppView): RuleVerdict {
  const traffic = loadBalancerTraffic(lb, app);
  if ('status' in traffic || traffic.kind !== 'inside') return NOT_APPLICABLE;
  const listeners = classicListeners(lb, app);
  if (!Array.isArray(listeners)) return NOT_APPLICABLE;
  const plain = listeners.find((l) => isProtectedClassicProtocol(l.protocol) === false);
  return plain ? nonCompliant(`the ${String(plain.protocol)} listener on port ${String(plain.port)} carries traffic without TLS; ${traffic.why}`, `${plain.location}/Protocol`) : COMPLIANT;
}

/**
 * Reads: `AWS::ElasticLoadBalancingV2::Listener`s and Classic Load Balancers (`AWS::ElasticLoadBalancing::LoadBalancer`)
 * that are internal and whose traffic stays inside their VPC (see LoadBalancerListenerTls, which reads every other
 * listener; the same analysis decides).
 * Fails when: such a listener is plain HTTP that does not only redirect to HTTPS, or plain TCP / UDP (Classic: HTTP or
 * TCP). Recommended beyond item 1.24, which asks for encryption across a VPC boundary only. Listeners whose protocol
 * or load balancer is unknown at synth are LoadBalancerListenerTls's to report.
 * Fix: HTTPS/TLS listeners here too (a private ACM certificate or one from ACM Private CA).
 */
export const InternalListenerTls = defineRule({
  name: 'InternalListenerTls',
  description: 'Listeners of internal load balancers use TLS even when their traffic stays inside the VPC',
  fix: 'Use an HTTPS/TLS (Classic: HTTPS/SSL) listener with a certificate (ACM, or ACM Private CA for private names) on the internal load balancer too',
  resourceTypes: TYPES,
  scope: 'app',
  check(r: ResourceView, app: AppView): RuleVerdict {
    if (!TYPES.includes(r.type)) return NOT_APPLICABLE;
    if (r.type === CLASSIC) return checkClassic(r, app);
    const traffic = listenerTraffic(r, app);
    if ('status' in traffic || traffic.kind !== 'inside') return NOT_APPLICABLE;
    const secured = isProtectedListener(r, app);
    if (secured === 'unknown') return NOT_APPLICABLE;
    if (secured) return COMPLIANT;
    const plain = plainTextServing(r, app);
    return plain ? nonCompliant(`${plain}; ${traffic.why}`, 'Protocol') : COMPLIANT;
  },
});
