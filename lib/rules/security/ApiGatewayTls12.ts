import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { asList, isDeployTime, isTrue } from '../../aws';

const TYPES = ['AWS::ApiGateway::RestApi', 'AWS::ApiGateway::DomainName', 'AWS::ApiGateway::DomainNameV2'];

/** Whether an API Gateway security policy refuses TLS 1.0 (TLS_1_2, or an enhanced `SecurityPolicy_...` policy). */
function refusesTls10(policy: unknown): boolean {
  return policy === 'TLS_1_2' || (typeof policy === 'string' && policy.startsWith('SecurityPolicy_'));
}

/**
 * Reads: `AWS::ApiGateway::RestApi` (`SecurityPolicy`, `EndpointConfiguration`, `DisableExecuteApiEndpoint`) and custom
 * domain names (`AWS::ApiGateway::DomainName`, `DomainNameV2`: `SecurityPolicy`), through the resolver. HTTP and
 * WebSocket APIs (`AWS::ApiGatewayV2::*`) accept TLS 1.2 only and are not read.
 * Fails when: a REST API's default endpoint (edge-optimized or regional: API Gateway's default policy there is TLS_1_0)
 * or a public custom domain name accepts TLS 1.0: `SecurityPolicy: TLS_1_0`, or none set. Private APIs and private
 * domain names default to TLS 1.2. Recommended beyond item 1.24: TLS 1.0 still encrypts; TLS 1.2 refuses the protocol
 * versions with known weaknesses.
 * Fix: `securityPolicy: SecurityPolicy.TLS_1_2` (or an enhanced policy with an endpoint access mode) on the domain
 * name, and on the REST API (or `disableExecuteApiEndpoint: true` when clients use the custom domain).
 */
export const ApiGatewayTls12 = defineRule({
  name: 'ApiGatewayTls12',
  description: 'API Gateway REST endpoints and custom domain names refuse TLS 1.0 (security policy TLS_1_2 or an enhanced policy)',
  fix: 'Set securityPolicy to TLS_1_2 (or an enhanced SecurityPolicy_... with endpointAccessMode) on the domain name and the REST API',
  resourceTypes: TYPES,
  scope: 'resource',
  check(r, app): RuleVerdict {
    if (!TYPES.includes(r.type)) return NOT_APPLICABLE;
    const read = (path: string) => {
      const res = app.resolve(r, path);
      return res.ok ? res.values.map((v) => v.value) : res.unresolved;
    };
    const policies = read('SecurityPolicy');
    if (!Array.isArray(policies)) return unverifiable('SecurityPolicy', policies, 'SecurityPolicy');
    const types = read('EndpointConfiguration/Types');
    const privateOnly = r.type === 'AWS::ApiGateway::DomainNameV2'
      || (Array.isArray(types) && types.every((t) => asList(t).length > 0 && asList(t).every((x) => x === 'PRIVATE')));
    const disabled = read('DisableExecuteApiEndpoint');
    const noDefaultEndpoint = r.type === 'AWS::ApiGateway::RestApi' && Array.isArray(disabled) && disabled.every(isTrue);
    for (const policy of policies) {
      if (isDeployTime(policy)) return unverifiable('SecurityPolicy', policy, 'SecurityPolicy');
      if (refusesTls10(policy) || noDefaultEndpoint || (policy === undefined && privateOnly)) continue;
      if (r.type === 'AWS::ApiGateway::RestApi') {
        return nonCompliant(`the default endpoint of the REST API accepts TLS 1.0 (SecurityPolicy ${policy === undefined ? 'not set: API Gateway applies TLS_1_0 to edge-optimized and regional endpoints' : String(policy)})`, 'SecurityPolicy');
      }
      return nonCompliant(`the custom domain name does not refuse TLS 1.0 (SecurityPolicy ${policy === undefined ? 'not set' : String(policy)})`, 'SecurityPolicy');
    }
    return COMPLIANT;
  },
});
