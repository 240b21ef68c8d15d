import { AppView, nonCompliant, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { asList, isFalse, isTrue, literalString, valueAtPath } from '../../aws';
import { subnetZone } from './availability-zones';
import { describePorts, ingressOfGroup, openEntriesOf, portRange, sourceOf } from './security-groups';
import { designations, resolveResource, resourceKey } from './references';

/**
 * Ways into a solution from the internet, as a template shows them, for item 2.1 ("Network connectivity to the
 * solution must be highly available"): compute with a public address whose security groups admit the internet on a
 * port of the solution, and the DNS records that fail over between such instances.
 */

/** Ports through which administrators, not the solution's users, come in (SSH, RDP): interactive access is 3.1's. */
const ADMINISTRATION_PORTS = [22, 3389];

/** Whether compute is a way into the solution from the internet. */
export type Exposure =
  | { readonly kind: 'entry'; /** How: the public address and the open port, for messages. */ readonly how: string }
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown'; readonly verdict: RuleVerdict };

/** Whether an instance or an Auto Scaling group has a public address and admits the internet on a port other than SSH and RDP. */
export function exposureOf(r: ResourceView, app: AppView): Exposure {
  const open = openServicePorts(r, app);
  if (open.kind === 'none') return open;
  const address = publicAddress(r, app);
  if (address.kind === 'none') return address;
  if (open.kind === 'unknown') return open;
  if (address.kind === 'unknown') return address;
  return { kind: 'entry', how: `${address.how}; ${open.how}` };
}

type Finding = { readonly kind: 'found'; readonly how: string } | { readonly kind: 'none' } | { readonly kind: 'unknown'; readonly verdict: RuleVerdict };

/** The security groups the instances get (their own settings over their launch template's), as resources. */
function groupsOf(r: ResourceView, app: AppView): { readonly groups: ResourceView[] } | { readonly verdict: RuleVerdict } {
  const launches = app.launches(r);
  if (!launches.ok) return { verdict: unverifiable('how the instances are launched', launches.unresolved) };
  const groups: ResourceView[] = [];
  for (const launch of launches.launches) {
    const values: { from: ResourceView; value: unknown; path: string }[] = [];
    for (const setting of ['SecurityGroupIds', 'SecurityGroups'] as const) {
      const source = launch.settings.get(setting);
      if (source) values.push({ from: source.from, value: valueAtPath(source.from.properties, source.path), path: source.path });
    }
    const nis = launch.settings.get('NetworkInterfaces');
    if (nis) {
      asList<any>(valueAtPath(nis.from.properties, nis.path)).forEach((ni, i) => {
        for (const key of ['GroupSet', 'Groups']) if (ni?.[key] !== undefined) values.push({ from: nis.from, value: ni[key], path: `${nis.path}/${i}/${key}` });
      });
    }
    for (const { from, value, path } of values) {
      for (const d of designations(from, value, path, app)) {
        if (d.kind === 'resource' && d.resource.type === 'AWS::EC2::SecurityGroup') groups.push(d.resource);
        else if (d.kind === 'unknown') return { verdict: unverifiable(`the security groups of the instances (${path})`, d.value, path) };
        else return { verdict: nonCompliant(`could not verify whether the instances admit the internet: security group ${d.kind === 'literal' ? d.value : d.resource.path} (${path}) is not a group created in the app`, path) };
      }
    }
  }
  return { groups: [...new Set(groups)] };
}


/** The first ingress rule of the instances' groups open to every address on a port other than SSH and RDP. */
function openServicePorts(r: ResourceView, app: AppView): Finding {
  const found = groupsOf(r, app);
  if ('verdict' in found) return { kind: 'unknown', verdict: found.verdict };
  for (const group of found.groups) {
    const ingress = ingressOfGroup(group, app);
    if (ingress.unresolved) return { kind: 'unknown', verdict: unverifiable(`the ingress rules of ${group.path}`, ingress.unresolved) };
    for (const rule of ingress.rules) {
      const source = sourceOf(rule, 'ingress');
      let from: string | undefined;
      if (source.kind === 'cidr' && source.open) from = source.cidr;
      if (source.kind === 'prefix-list' && source.list) {
        const entries = openEntriesOf(source.list, app);
        if (Array.isArray(entries) && entries.length > 0) from = `${source.shown} (${entries.join(', ')})`;
      }
      if (from === undefined) continue;
      const ports = portRange(rule.rule);
      if (ports && !ports.allProtocols && (ports.from === ports.to ? ADMINISTRATION_PORTS.includes(ports.from) : false)) continue;
      if (ports && ports.from === 0 && ports.to === 0 && !ports.allProtocols) continue; // ICMP
      return { kind: 'found', how: `${group.path} admits ${describePorts(rule.rule)} from ${from}` };
    }
  }
  return { kind: 'none' };
}

/** The instance each Elastic IP (or association) of the app gives its address to, by the address's {@link resourceKey}, indexed once per pass. */
function elasticIpOwners(app: AppView): ReadonlyMap<string, { readonly eip: ResourceView; readonly instance: ResourceView }> {
  return app.memo('entry-points/eip-owners', () => {
    const index = new Map<string, { eip: ResourceView; instance: ResourceView }>();
    const add = (instance: ResourceView | undefined, eip: ResourceView) => {
      if (instance?.type === 'AWS::EC2::Instance') index.set(resourceKey(eip), { eip, instance });
    };
    for (const eip of app.ofType('AWS::EC2::EIP')) add(resolveResource(eip, eip.properties.InstanceId, app), eip);
    for (const assoc of app.ofType('AWS::EC2::EIPAssociation')) {
      const eip = resolveResource(assoc, assoc.properties.AllocationId ?? assoc.properties.EIP, app);
      add(resolveResource(assoc, assoc.properties.InstanceId, app), eip?.type === 'AWS::EC2::EIP' ? eip : assoc);
    }
    return index;
  });
}

/** Whether the instances get a public address: an Elastic IP, `AssociatePublicIpAddress`, or a subnet that maps public addresses. */
function publicAddress(r: ResourceView, app: AppView): Finding {
  const eip = r.type === 'AWS::EC2::Instance' ? [...elasticIpOwners(app).values()].find((e) => e.instance === r) : undefined;
  if (eip) return { kind: 'found', how: `Elastic IP ${eip.eip.path}` };
  const launches = app.launches(r);
  if (!launches.ok) return { kind: 'unknown', verdict: unverifiable('how the instances are launched', launches.unresolved) };
  let subnetOverride: unknown;
  for (const launch of launches.launches) {
    const nis = launch.settings.get('NetworkInterfaces');
    const first = nis ? asList<any>(valueAtPath(nis.from.properties, nis.path)).find((ni) => ni?.DeviceIndex === undefined || String(ni.DeviceIndex) === '0') : undefined;
    const configuration = launch.template?.type === 'AWS::AutoScaling::LaunchConfiguration' ? launch.template.properties.AssociatePublicIpAddress : undefined;
    const associate = first?.AssociatePublicIpAddress ?? configuration;
    if (isTrue(associate)) return { kind: 'found', how: 'AssociatePublicIpAddress is true' };
    if (isFalse(associate)) return { kind: 'none' };
    if (first?.SubnetId !== undefined) subnetOverride = { from: nis!.from, value: first.SubnetId };
  }
  const subnets: { from: ResourceView; value: unknown }[] = r.type === 'AWS::AutoScaling::AutoScalingGroup'
    ? asList(r.properties.VPCZoneIdentifier).map((value) => ({ from: r, value }))
    : subnetOverride ? [subnetOverride as { from: ResourceView; value: unknown }] : r.properties.SubnetId !== undefined ? [{ from: r, value: r.properties.SubnetId }] : [];
  if (subnets.length === 0) return { kind: 'found', how: 'no subnet is given, so it launches in a default subnet, which maps public addresses' };
  for (const { from, value } of subnets) {
    const subnet = resolveResource(from, value, app);
    if (subnet?.type !== 'AWS::EC2::Subnet') {
      const literal = literalString(value);
      return { kind: 'unknown', verdict: literal !== undefined ? nonCompliant(`could not verify whether the instances get a public address: subnet ${literal} is not created in the app`) : unverifiable('whether the subnet maps public addresses', value) };
    }
    if (isTrue(subnet.properties.MapPublicIpOnLaunch)) return { kind: 'found', how: `subnet ${subnet.path} maps public addresses` };
  }
  return { kind: 'none' };
}

/** Route 53 routing that fails over on health: failover, multivalue answer, or a health-checked routing policy. */
function failsOver(record: { readonly [key: string]: any }): boolean {
  return record.Failover !== undefined || isTrue(record.MultiValueAnswer) || (record.SetIdentifier !== undefined && record.HealthCheckId !== undefined);
}

/**
 * Instances that DNS fails over between, by record name: the instances (or their Elastic IPs) that the records of
 * one name with failover, multivalue or health-checked routing answer with. Indexed once per pass.
 */
export function dnsFailoverInstances(app: AppView): ReadonlyMap<string, readonly ResourceView[]> {
  return app.memo('entry-points/dns-failover', () => {
    const eipOwner = elasticIpOwners(app);
    const byName = new Map<string, ResourceView[]>();
    const read = (owner: ResourceView, record: { readonly [key: string]: any }, path: string) => {
      if (!failsOver(record)) return;
      const name = app.resolveValue(owner, record.Name, `${path}/Name`);
      const key = name.ok && name.values.length === 1 ? String(name.values[0].value).toLowerCase().replace(/\.$/, '') : undefined;
      if (key === undefined) return;
      for (const d of designations(owner, record.ResourceRecords, `${path}/ResourceRecords`, app)) {
        if (d.kind !== 'resource') continue;
        const instance = d.resource.type === 'AWS::EC2::Instance' ? d.resource : eipOwner.get(resourceKey(d.resource))?.instance;
        if (instance) byName.set(key, [...new Set([...(byName.get(key) ?? []), instance])]);
      }
    };
    for (const rs of app.ofType('AWS::Route53::RecordSet')) read(rs, rs.properties, '');
    for (const group of app.ofType('AWS::Route53::RecordSetGroup')) asList<any>(group.properties.RecordSets).forEach((rs, i) => read(group, rs ?? {}, `RecordSets/${i}`));
    return byName;
  });
}

/** The zone of an instance's subnet (its own, or its first network interface's), or undefined when not known. */
export function instanceZone(instance: ResourceView, app: AppView): string | undefined {
  const subnet = instance.properties.SubnetId ?? asList<any>(instance.properties.NetworkInterfaces)[0]?.SubnetId;
  if (subnet !== undefined) {
    const z = subnetZone(instance, subnet, app);
    return z.kind === 'unknown' ? undefined : z.key;
  }
  return literalString(instance.properties.AvailabilityZone);
}

/** The DNS name whose failover records answer with this instance and with instances of another zone, if any. */
export function dnsFailoverPeer(instance: ResourceView, app: AppView): string | undefined {
  for (const [name, instances] of dnsFailoverInstances(app)) {
    if (!instances.includes(instance)) continue;
    const zones = new Set(instances.map((i) => instanceZone(i, app)).filter((z) => z !== undefined));
    if (zones.size >= 2) return name;
  }
  return undefined;
}
