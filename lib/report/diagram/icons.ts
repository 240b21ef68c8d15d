import * as fs from 'fs';
import * as path from 'path';
import { LOAD_BALANCER_KINDS, PLUMBING_TYPES, RESOURCE_KINDS, ResourceKind, SERVICE_ICONS, SPECIAL_ICONS, VPC_ENDPOINT_KINDS } from './icon-table';
import { CfnResourceJson } from '../../aws';

let iconsDir: string | undefined;

/** The `icons/` directory of the installed `aws-icons` package (official AWS architecture icons). */
export function awsIconsDir(): string {
  iconsDir ??= path.join(path.dirname(require.resolve('aws-icons/package.json')), 'icons');
  return iconsDir;
}

const dataUris = new Map<string, string>();

/** An icon (path relative to `aws-icons/icons/`) as a `data:image/svg+xml;base64,...` URI. */
export function iconDataUri(icon: string): string {
  let uri = dataUris.get(icon);
  if (!uri) {
    const file = path.join(awsIconsDir(), icon);
    let svg: Buffer;
    try {
      svg = fs.readFileSync(file);
    } catch {
      throw new Error(`architecture icon ${icon} not found in ${awsIconsDir()} (is the 'aws-icons' package installed?)`);
    }
    uri = `data:image/svg+xml;base64,${svg.toString('base64')}`;
    dataUris.set(icon, uri);
  }
  return uri;
}

/**
 * How a resource is drawn, or undefined when it is plumbing (see {@link PLUMBING_TYPES}).
 * Unknown types fall back to the service icon of their namespace, then to a generic icon.
 */
export function resourceKind(resource: CfnResourceJson): ResourceKind | undefined {
  const type = resource.Type;
  if (PLUMBING_TYPES.has(type) || type.startsWith('Custom::')) return undefined;
  const props = resource.Properties ?? {};
  if (type === 'AWS::ElasticLoadBalancingV2::LoadBalancer') {
    return LOAD_BALANCER_KINDS[typeof props.Type === 'string' ? props.Type : 'application'] ?? LOAD_BALANCER_KINDS.application;
  }
  if (type === 'AWS::EC2::VPCEndpoint') {
    return VPC_ENDPOINT_KINDS[typeof props.VpcEndpointType === 'string' ? props.VpcEndpointType : 'Gateway'] ?? VPC_ENDPOINT_KINDS.Gateway;
  }
  const known = RESOURCE_KINDS[type];
  if (known) return known;
  const [, service = '', name = type] = type.split('::');
  const label = name.replace(/([a-z])([A-Z])/g, '$1 $2');
  const plural = /[^aeiou]y$/.test(label) ? `${label.slice(0, -1)}ies` : /(s|x|ch|sh)$/.test(label) ? `${label}es` : `${label}s`;
  return { icon: SERVICE_ICONS[service] ?? SPECIAL_ICONS.generic, label: `${service} ${label}`, plural: `${service} ${plural}` };
}
