import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { asList, isDeployTime, placeOf } from '../../aws';
import { cacheBehaviours } from '../utils/cloudfront';

const TYPE = 'AWS::CloudFront::Distribution';

/**
 * Reads: `AWS::CloudFront::Distribution`: each origin's `DomainName` and `CustomOriginConfig.OriginProtocolPolicy`, and
 * the viewer protocol policy of the cache behaviours that target it (`match-viewer` follows the viewer), through the
 * resolver (each `Fn::If` branch, imports, nested-stack parameters). Where the origin is comes from its resource
 * (`Fn::GetAtt` of a bucket, load balancer, API, function URL, instance...) or its host name (`lib/aws/transit.ts`).
 * Fails when: CloudFront reaches a custom origin in plain HTTP (`http-only`, or `match-viewer` under a behaviour that
 * allows HTTP viewers) and the origin is outside AWS's network (a host under no AWS domain), or a public endpoint in a
 * VPC that no rule of the app reads (an instance, an Elastic IP, a load balancer or accelerator named by host).
 * Passes: `https-only`; S3 and S3 website endpoints and other AWS service endpoints (not in a VPC: S3 website endpoints
 * speak HTTP only); endpoints that accept only TLS (API Gateway, Lambda function URLs, AppSync); a load balancer of the
 * app (its listeners are LoadBalancerListenerTls's); S3 and VPC origins (`S3OriginConfig`, `VpcOriginConfig`: inside
 * AWS's network). A domain or policy unknown at synth, with plain HTTP possible, is unverifiable.
 * Fix: `originProtocolPolicy: OriginProtocolPolicy.HTTPS_ONLY` on the origin (a certificate on the origin server).
 */
export const CloudFrontOriginHttps = defineRule({
  name: 'CloudFrontOriginHttps',
  description: 'CloudFront reaches origins outside AWS, or in a VPC, over HTTPS',
  fix: 'Set the custom origin\'s protocol policy to https-only (origins.HttpOrigin({ protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY })) and serve TLS on the origin',
  resourceTypes: [TYPE],
  scope: 'app',
  check(r, app): RuleVerdict {
    if (r.type !== TYPE) return NOT_APPLICABLE;
    const origins = app.resolve(r, 'DistributionConfig/Origins');
    if (!origins.ok) return unverifiable('DistributionConfig/Origins', origins.unresolved, 'DistributionConfig/Origins');
    const read = cacheBehaviours(r, app);
    if (!('behaviours' in read)) return read;
    for (const alt of origins.values) {
      for (const [i, origin] of asList<any>(alt.value).entries()) {
        const location = `DistributionConfig/Origins/${i}`;
        const custom = origin?.CustomOriginConfig;
        if (!custom) continue;
        const policy = custom.OriginProtocolPolicy;
        if (isDeployTime(policy)) return unverifiable(`the protocol policy of origin ${origin.Id}`, policy, `${location}/CustomOriginConfig/OriginProtocolPolicy`);
        if (policy === 'https-only') continue;
        if (policy === 'match-viewer') {
          const plainViewers = read.behaviours.filter((b) => b.value?.TargetOriginId === origin.Id && b.value?.ViewerProtocolPolicy !== 'https-only' && b.value?.ViewerProtocolPolicy !== 'redirect-to-https');
          if (plainViewers.length === 0) continue;
        }
        const place = placeOf(origin.DomainName);
        const how = policy === 'match-viewer' ? 'over HTTP for HTTP viewers (OriginProtocolPolicy match-viewer)' : `over HTTP (OriginProtocolPolicy ${policy})`;
        switch (place.kind) {
          case 'outside': return nonCompliant(`CloudFront reaches origin ${origin.Id} (${place.host}) ${how}, outside AWS's network`, `${location}/CustomOriginConfig/OriginProtocolPolicy`);
          case 'vpc': return nonCompliant(`CloudFront reaches origin ${origin.Id} ${how}, across a VPC boundary: ${place.why}`, `${location}/CustomOriginConfig/OriginProtocolPolicy`);
          case 'unknown': return unverifiable(`where origin ${origin.Id} is, reached ${how}`, place.value, `${location}/DomainName`);
          default: continue;
        }
      }
    }
    return COMPLIANT;
  },
});
