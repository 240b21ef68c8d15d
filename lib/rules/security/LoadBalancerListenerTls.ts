import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { asList, isIntrinsic } from '../../aws';
import { referencedResource } from '../utils/references';
import { referrers, referrersOf } from '../utils/references';

/** Listener rules by the listener they belong to. */
function listenerRules(app: AppView) {
  return referrers(app, {
    key: 'listener-rules-by-listener',
    fromType: 'AWS::ElasticLoadBalancingV2::ListenerRule',
    targetType: 'AWS::ElasticLoadBalancingV2::Listener',
    values: (rule) => rule.properties.ListenerArn,
  });
}

/** Whether every action is a redirect to HTTPS. */
function redirectsToHttps(actions: unknown): boolean {
  const list = asList<any>(actions);
  return list.length > 0 && list.every((a) => a?.Type === 'redirect' && a.RedirectConfig?.Protocol === 'HTTPS');
}

/**
 * Reads: `AWS::ElasticLoadBalancingV2::Listener`, its load balancer (by `LoadBalancerArn` Ref) and its
 * `ListenerRule`s.
 * Fails when: an HTTP listener does anything but redirect to HTTPS (in its default actions or any rule); or a
 * TCP / UDP / TCP_UDP listener belongs to an internet-facing network load balancer (traffic crosses the VPC
 * boundary unencrypted). HTTPS and TLS pass; GENEVE (gateway load balancers: encapsulation inside the VPC)
 * and plain TCP/UDP on internal load balancers pass. A protocol, or the load balancer of a TCP/UDP
 * listener, unknown at synth is unverifiable.
 * Fix: HTTPS/TLS listeners with an ACM certificate, and `alb.addRedirect()` for port 80.
 */
export const LoadBalancerListenerTls = defineRule({
  name: 'LoadBalancerListenerTls',
  description: 'Load balancer listeners that face the internet use TLS (HTTP only redirects to HTTPS)',
  fix: 'Use HTTPS/TLS listeners with an ACM certificate; make port 80 a redirect to HTTPS (alb.addRedirect()); keep plain TCP listeners on internal load balancers',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'],
  scope: 'stack',
  check(r: ResourceView, app: AppView): RuleVerdict {
    if (r.type !== 'AWS::ElasticLoadBalancingV2::Listener') return NOT_APPLICABLE;
    const protocol = r.properties.Protocol;
    if (isIntrinsic(protocol)) return unverifiable('Protocol', protocol, 'Protocol');
    const lb = referencedResource(r, r.properties.LoadBalancerArn);
    if (protocol === 'HTTPS' || protocol === 'TLS' || protocol === 'GENEVE') return COMPLIANT;
    if (protocol === undefined && lb?.properties.Type === 'gateway') return COMPLIANT;
    if (protocol === 'HTTP') {
      if (!redirectsToHttps(r.properties.DefaultActions)) return nonCompliant('the HTTP listener serves traffic instead of redirecting to HTTPS', 'DefaultActions');
      const serving = referrersOf(r, listenerRules(app)).find((rule) => !redirectsToHttps(rule.properties.Actions));
      return serving ? nonCompliant(`listener rule ${serving.path} serves plain HTTP instead of redirecting to HTTPS`) : COMPLIANT;
    }
    if (protocol === 'TCP' || protocol === 'UDP' || protocol === 'TCP_UDP') {
      if (!lb) return unverifiable(`the scheme of the load balancer of this ${protocol} listener`, r.properties.LoadBalancerArn, 'LoadBalancerArn');
      const scheme = lb.properties.Scheme ?? 'internet-facing';
      if (isIntrinsic(scheme)) return unverifiable(`the scheme of load balancer ${lb.path}`, scheme, 'LoadBalancerArn');
      return scheme === 'internal' ? COMPLIANT : nonCompliant(`the ${protocol} listener on internet-facing load balancer ${lb.path} carries traffic without TLS`, 'Protocol');
    }
    return nonCompliant(`protocol ${protocol ?? '(none)'} is not TLS`, 'Protocol');
  },
});
