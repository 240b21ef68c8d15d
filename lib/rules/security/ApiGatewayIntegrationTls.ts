import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { isDeployTime, placeOf, Text } from '../../aws';

const TYPES = ['AWS::ApiGateway::Method', 'AWS::ApiGatewayV2::Integration', 'AWS::ApiGateway::RestApi', 'AWS::ApiGatewayV2::Api'];

/** One HTTP integration: its URI (resolved), its connection type, where it is declared. */
interface Integration {
  readonly uri: unknown;
  readonly connectionType: unknown;
  readonly location: string;
}

/** Whether a resolved URI is plain HTTP (`http://...`); 'unknown' when its scheme is known only at deploy time. */
function isPlainHttp(uri: unknown): boolean | 'unknown' {
  const text = typeof uri === 'string' ? uri : uri instanceof Text && typeof uri.parts[0] === 'string' ? uri.parts[0] : undefined;
  if (text === undefined) return isDeployTime(uri) || uri instanceof Text ? 'unknown' : false;
  return /^http:\/\//i.test(text);
}

/** The HTTP integrations an OpenAPI definition declares (`x-amazon-apigateway-integration` of every operation). */
function openApiIntegrations(body: unknown, location: string): Integration[] {
  const out: Integration[] = [];
  const paths = (body as any)?.paths;
  if (!paths || typeof paths !== 'object') return out;
  for (const [path, ops] of Object.entries<any>(paths)) {
    for (const [method, op] of Object.entries<any>(ops ?? {})) {
      const integration = op?.['x-amazon-apigateway-integration'];
      if (!integration || !/^http/i.test(String(integration.type))) continue;
      out.push({ uri: integration.uri, connectionType: integration.connectionType, location: `${location}/paths/${path}/${method}` });
    }
  }
  return out;
}

/** The HTTP integrations a resource declares, every `Fn::If` branch; a verdict when they cannot be read. */
function integrationsOf(r: ResourceView, app: AppView): Integration[] | RuleVerdict {
  const resolve = (path: string) => {
    const res = app.resolve(r, path);
    return res.ok ? res.values.map((v) => v.value) : unverifiable(path, res.unresolved, path);
  };
  switch (r.type) {
    case 'AWS::ApiGateway::Method': {
      const values = resolve('Integration');
      if (!Array.isArray(values)) return values;
      return values.filter((i: any) => i && /^HTTP/.test(String(i.Type))).map((i: any) => ({ uri: i.Uri, connectionType: i.ConnectionType, location: 'Integration/Uri' }));
    }
    case 'AWS::ApiGatewayV2::Integration': {
      const values = resolve('');
      if (!Array.isArray(values)) return values;
      return values.filter((p: any) => p && /^HTTP/.test(String(p.IntegrationType))).map((p: any) => ({ uri: p.IntegrationUri, connectionType: p.ConnectionType, location: 'IntegrationUri' }));
    }
    default: {
      if (r.properties.BodyS3Location !== undefined) return nonCompliant('could not verify the integrations of the API: its OpenAPI definition is in S3 (BodyS3Location), outside the template', 'BodyS3Location');
      const bodies = r.properties.Body === undefined ? [] : resolve('Body');
      if (!Array.isArray(bodies)) return bodies;
      const out = bodies.flatMap((b) => openApiIntegrations(typeof b === 'string' ? safeJson(b) : b, 'Body'));
      if (r.type === 'AWS::ApiGatewayV2::Api' && r.properties.Target !== undefined) {
        const targets = resolve('Target');
        if (!Array.isArray(targets)) return targets;
        out.push(...targets.map((t) => ({ uri: t, connectionType: undefined, location: 'Target' })));
      }
      return out;
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Reads: the HTTP and HTTP_PROXY integrations of REST APIs (`AWS::ApiGateway::Method` `Integration`, and the
 * `x-amazon-apigateway-integration` of an inline OpenAPI `Body` of `AWS::ApiGateway::RestApi`) and of HTTP APIs
 * (`AWS::ApiGatewayV2::Integration`, an `AWS::ApiGatewayV2::Api` `Target` or inline `Body`), through the resolver.
 * API Gateway's own endpoints accept HTTPS only (TLS_ONLY_ENDPOINT_TYPES): the leg that can be plain text is the one
 * from API Gateway to the backend.
 * Fails when: an integration calls an `http://` URI on a host outside AWS's network, or on a public endpoint in a VPC
 * that no rule of the app reads (an instance, a load balancer named by host). Integrations through a VPC link
 * (`ConnectionType: VPC_LINK`) reach a load balancer inside the VPC over PrivateLink, within AWS's network, whose
 * listeners LoadBalancerListenerTls and InternalListenerTls read; `https://` URIs, AWS service endpoints and load
 * balancers of the app pass. A URI or definition unknown at synth (a parameter, `BodyS3Location`) is unverifiable.
 * Fix: call the backend over `https://` (a certificate on the backend), or through a VPC link to a TLS listener.
 */
export const ApiGatewayIntegrationTls = defineRule({
  name: 'ApiGatewayIntegrationTls',
  description: 'API Gateway calls HTTP backends outside AWS, or in a VPC, over HTTPS',
  fix: 'Use an https:// integration URI (with a certificate on the backend), or a private integration through a VPC link to a load balancer',
  resourceTypes: TYPES,
  scope: 'app',
  check(r, app): RuleVerdict {
    if (!TYPES.includes(r.type)) return NOT_APPLICABLE;
    const integrations = integrationsOf(r, app);
    if (!Array.isArray(integrations)) return integrations;
    for (const i of integrations) {
      if (i.connectionType === 'VPC_LINK') continue;
      const plain = isPlainHttp(i.uri);
      if (plain === 'unknown') return unverifiable('the scheme of the integration URI', i.uri, i.location);
      if (!plain) continue;
      const place = placeOf(i.uri);
      if (place.kind === 'outside') return nonCompliant(`API Gateway calls ${place.host} over plain HTTP, outside AWS's network`, i.location);
      if (place.kind === 'vpc') return nonCompliant(`API Gateway calls its backend over plain HTTP across a VPC boundary: ${place.why}`, i.location);
      if (place.kind === 'unknown') return unverifiable('where the integration URI leads', place.value, i.location);
    }
    return COMPLIANT;
  },
});
