import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { instance, Viz } from '@viz-js/viz';
import { loadAssembly } from '../../../lib/report/assembly';
import { RenderedDiagram, renderDiagrams } from '../../../lib/report/diagram';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'assemblies');
const GOLDEN = path.join(__dirname, 'golden', 'single-stack.svg');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Cluster {
  readonly name: string;
  readonly cls: string;
  readonly box: { x1: number; y1: number; x2: number; y2: number };
}

const decode = (s: string) => s.replace(/&#45;/g, '-').replace(/&#(\d+);/g, (_m, c) => String.fromCharCode(Number(c))).replace(/&amp;/g, '&');

/** The clusters of a Graphviz SVG: name (`cluster_<box id>`), class and bounding box. */
function clusters(svg: string): Cluster[] {
  const re = /<g id="clust\d+" class="([^"]*)">\s*<title>([^<]*)<\/title>\s*<(?:polygon|path)[^>]*?(?:points="([^"]*)"|d="([^"]*)")/g;
  return [...svg.matchAll(re)].map((m) => {
    const nums = (m[3] ?? m[4]).match(/-?\d+(\.\d+)?/g)!.map(Number);
    const xs = nums.filter((_, i) => i % 2 === 0);
    const ys = nums.filter((_, i) => i % 2 === 1);
    return { cls: decode(m[1]), name: decode(m[2]), box: { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) } };
  });
}

const inside = (a: Cluster, b: Cluster) => a.box.x1 >= b.box.x1 && a.box.y1 >= b.box.y1 && a.box.x2 <= b.box.x2 && a.box.y2 <= b.box.y2;

describe('renderDiagrams: SVG and PNG', () => {
  let viz: Viz;
  let single: RenderedDiagram;
  let staged: RenderedDiagram[];

  beforeAll(async () => {
    viz = await instance(); // one WebAssembly instance for the whole file
    [single] = await renderDiagrams(loadAssembly(path.join(FIXTURES, 'single-stack')), { viz });
    staged = await renderDiagrams(loadAssembly(path.join(FIXTURES, 'staged')), { viz, pngWidth: 800 });
  });

  test('one diagram per stage, the app\'s top-level stacks first', () => {
    expect(single.stage).toBe('');
    expect(staged.map((d) => d.stage)).toEqual(['', 'OrganizationTrail']);
  });

  test('the SVG nests account ⊃ region ⊃ VPC ⊃ AZ ⊃ subnet, geometrically', () => {
    // GIVEN
    const all = clusters(single.svg);
    const find = (suffix: string) => {
      const c = all.find((x) => x.name.endsWith(suffix));
      if (!c) throw new Error(`no cluster ending in ${suffix}: ${all.map((x) => x.name).join(', ')}`);
      return c;
    };
    const account = find('cluster_acct-111111111111');
    const region = find('acct-111111111111/eu-west-1');
    const vpc = find('eu-west-1/vpc-Network-Vpc8378EB38');
    const az = find('vpc-Network-Vpc8378EB38/az-1');
    const subnet = find('az-1/public-VpcPublicSubnet1Subnet5C2D37C4');

    // THEN
    expect([account.cls, region.cls, vpc.cls, az.cls, subnet.cls]).toEqual(
      ['cluster box-account', 'cluster box-region', 'cluster box-vpc', 'cluster box-az', 'cluster box-public']);
    expect(inside(region, account)).toBe(true);
    expect(inside(vpc, region)).toBe(true);
    expect(inside(az, vpc)).toBe(true);
    expect(inside(subnet, az)).toBe(true);
    expect(inside(find('az-2/private-VpcPrivateSubnet2Subnet3788AAA1'), find('vpc-Network-Vpc8378EB38/az-2'))).toBe(true);
    expect(inside(subnet, find('vpc-Network-Vpc8378EB38/az-2'))).toBe(false);
  });

  test('labels name the boxes, AZs in order, subnets with type and CIDR', () => {
    const text = [...single.svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1]));
    expect(text).toEqual(expect.arrayContaining(['AWS account 111111111111', 'Region eu-west-1', 'VPC', '10.0.0.0/16', 'Public subnet', '10.0.0.0/24', 'Private subnet', 'NAT gateway', 'Internet gateway', 'CloudWatch alarms ×2']));
    expect(text.indexOf('Availability Zone 1')).toBeGreaterThanOrEqual(0);
  });

  test('official AWS icons are embedded as data URIs: the SVG is self-contained', () => {
    const hrefs = [...single.svg.matchAll(/xlink:href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThanOrEqual(10);
    for (const href of hrefs) expect(href).toMatch(/^data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+$/);
    const natIcon = fs.readFileSync(require.resolve('aws-icons/icons/resource/AmazonVPCNATGateway.svg'));
    expect(hrefs).toContain(`data:image/svg+xml;base64,${natIcon.toString('base64')}`);
  });

  test('cross-account edges are drawn and labelled', () => {
    const svg = staged[1].svg;
    expect(svg).toMatch(/class="edge edge&#45;logs cross&#45;account"/);
    expect(svg).toMatch(/class="edge edge&#45;backup cross&#45;account"/);
    expect(svg).toContain('CloudTrail logs (cross&#45;account)');
    expect(svg).toContain('backup copy (cross&#45;account)');
    expect(clusters(svg).map((c) => c.name)).toEqual(expect.arrayContaining(['cluster_acct-222222222222', 'cluster_acct-333333333333', 'cluster_acct-333333333333/us-west-2']));
  });

  test('the customer network (gateways, VPNs\' far end) is outside every account box', () => {
    const all = clusters(staged[1].svg);
    const onPrem = all.find((c) => c.name === 'cluster_on-premises')!;
    expect(onPrem.cls).toBe('cluster box-onPremises');
    const accounts = all.filter((c) => c.cls === 'cluster box-account');
    expect(accounts).toHaveLength(3);
    for (const a of accounts) {
      const overlap = onPrem.box.x1 < a.box.x2 && a.box.x1 < onPrem.box.x2 && onPrem.box.y1 < a.box.y2 && a.box.y1 < onPrem.box.y2;
      expect(overlap).toBe(false);
    }
    expect(staged[1].svg).toMatch(/class="edge edge&#45;vpn"/);
  });

  test('PNG: signature, requested width, sane size', () => {
    for (const d of [single, ...staged]) {
      expect(d.png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(d.png.length).toBeGreaterThan(20_000);
      expect(d.png.length).toBeLessThan(5_000_000);
    }
    expect(single.png.readUInt32BE(16)).toBe(1600); // IHDR width
    expect(staged[1].png.readUInt32BE(16)).toBe(800);
  });

  test('golden: the single-stack diagram is stable (no timestamps, deterministic order)', async () => {
    // GIVEN: icons shortened to a hash so that the golden file stays readable
    const stable = (svg: string) => svg.replace(/data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/g,
      (_m, b64: string) => `data:icon/sha256-${crypto.createHash('sha256').update(b64).digest('hex').slice(0, 12)}`);
    const again = (await renderDiagrams(loadAssembly(path.join(FIXTURES, 'single-stack')), { viz }))[0];

    // THEN
    expect(again.svg).toBe(single.svg);
    expect(single.svg).not.toMatch(/graphviz version|\d{4}-\d{2}-\d{2}T/);
    if (process.env.UPDATE_GOLDEN) {
      fs.mkdirSync(path.dirname(GOLDEN), { recursive: true });
      fs.writeFileSync(GOLDEN, stable(single.svg));
    }
    expect(stable(single.svg)).toBe(fs.readFileSync(GOLDEN, 'utf-8'));
  });
});
