import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { isDeployTime } from '../../aws';
import { cacheBehaviours } from '../utils/cloudfront';

const TYPE = 'AWS::CloudFront::Distribution';

/**
 * Reads: `AWS::CloudFront::Distribution`: the `ViewerProtocolPolicy` of its default cache behaviour and of every ordered
 * cache behaviour, through the resolver (each `Fn::If` branch, imports).
 * A distribution carries the workload's data between its origins (in a VPC, or in AWS) and viewers on the internet:
 * the viewer leg is where that data leaves AWS's network.
 * Fails when: a behaviour's policy is `allow-all` (viewers may use plain HTTP). `redirect-to-https` and `https-only` pass.
 * A policy unknown at synth is unverifiable.
 * Fix: `viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS` (or `HTTPS_ONLY`) on every behaviour.
 */
export const CloudFrontViewerHttps = defineRule({
  name: 'CloudFrontViewerHttps',
  description: 'Every cache behaviour of a CloudFront distribution serves viewers over HTTPS only (redirect-to-https or https-only)',
  fix: 'Set viewerProtocolPolicy to REDIRECT_TO_HTTPS or HTTPS_ONLY on the default behaviour and on every additional behaviour (cloudfront.ViewerProtocolPolicy)',
  resourceTypes: [TYPE],
  scope: 'resource',
  check(r, app): RuleVerdict {
    if (r.type !== TYPE) return NOT_APPLICABLE;
    const read = cacheBehaviours(r, app);
    if (!('behaviours' in read)) return read;
    for (const b of read.behaviours) {
      const policy = b.value?.ViewerProtocolPolicy;
      if (isDeployTime(policy)) return unverifiable(`the viewer protocol policy of ${b.name}`, policy, `${b.location}/ViewerProtocolPolicy`);
      if (policy === 'allow-all') return nonCompliant(`${b.name} lets viewers use plain HTTP (ViewerProtocolPolicy allow-all)`, `${b.location}/ViewerProtocolPolicy`);
    }
    return COMPLIANT;
  },
});
