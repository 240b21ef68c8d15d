import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { instance, Viz } from '@viz-js/viz';
import { PNG } from 'pngjs';
import { expectGolden } from '../../golden';
import { describeArchitecture } from '../../../lib/report/architecture';
import { loadAssembly } from '../../../lib/report/assembly';
import { RenderedDiagram, renderDiagrams } from '../../../lib/report/diagram';
import { needsSystemFonts } from '../../../lib/report/diagram/fonts';

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'assemblies');
const GOLDEN = path.join(__dirname, 'golden', 'single-stack.svg');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Box { x1: number; y1: number; x2: number; y2: number }
interface Cluster { readonly name: string; readonly cls: string; readonly box: Box }

const decode = (s: string) => s.replace(/&#45;/g, '-').replace(/&#(\d+);/g, (_m, c) => String.fromCharCode(Number(c))).replace(/&amp;/g, '&');
const boxOf = (nums: number[]): Box => {
  const xs = nums.filter((_, i) => i % 2 === 0);
  const ys = nums.filter((_, i) => i % 2 === 1);
  return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
};

/** The clusters of a Graphviz SVG: name (`cluster_<box id>`), class and bounding box. */
function clusters(svg: string): Cluster[] {
  const re = /<g id="clust\d+" class="([^"]*)">\s*<title>([^<]*)<\/title>\s*<(?:polygon|path)[^>]*?(?:points="([^"]*)"|d="([^"]*)")/g;
  return [...svg.matchAll(re)].map((m) => ({ cls: decode(m[1]), name: decode(m[2]), box: boxOf((m[3] ?? m[4]).match(/-?\d+(\.\d+)?/g)!.map(Number)) }));
}

/** The AZ lanes and subnet rectangles drawn after layout. */
function gridShapes(svg: string): { lanes: Box[]; subnets: Array<Box & { kind: string }> } {
  const lanes = [...svg.matchAll(/<path class="az-lane"[^>]* d="([^"]*)"/g)].map((m) => boxOf(m[1].match(/-?\d+(\.\d+)?/g)!.map(Number)));
  const subnets = [...svg.matchAll(/<rect class="subnet subnet-(\w+)" x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)]
    .map((m) => ({ kind: m[1], x1: +m[2], y1: +m[3], x2: +m[2] + +m[4], y2: +m[3] + +m[5] }));
  return { lanes, subnets };
}

const inside = (a: Box, b: Box) => a.x1 >= b.x1 && a.y1 >= b.y1 && a.x2 <= b.x2 && a.y2 <= b.y2;
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1]));

describe('renderDiagrams: SVG, PNG and the Graphviz source', () => {
  let viz: Viz;
  let single: RenderedDiagram;
  let staged: RenderedDiagram[];

  beforeAll(async () => {
    viz = await instance(); // one WebAssembly instance for the whole file
    [single] = await renderDiagrams(loadAssembly(path.join(FIXTURES, 'single-stack')), { viz });
    const assembly = loadAssembly(path.join(FIXTURES, 'staged'));
    staged = await renderDiagrams(assembly, { viz, pngWidth: 800, overview: true, architecture: describeArchitecture(assembly, { accountNames: { '222222222222': 'Audit / log archive' } }) });
  });

  test('one diagram per stage, the app\'s top-level stacks first; the overview, when asked for, before them', () => {
    expect(single).toMatchObject({ stage: '', kind: 'stage' });
    expect(staged.map((d) => `${d.kind}:${d.stage}`)).toEqual(['overview:', 'stage:', 'stage:OrganizationTrail']);
  });

  test('the SVG nests account ⊃ region ⊃ VPC ⊃ AZ lanes ⊃ subnets, geometrically', () => {
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
    const { lanes, subnets } = gridShapes(single.svg);

    // THEN
    expect([account.cls, region.cls, vpc.cls]).toEqual(['cluster box-account', 'cluster box-region', 'cluster box-vpc']);
    expect(inside(region.box, account.box)).toBe(true);
    expect(inside(vpc.box, region.box)).toBe(true);
    expect(lanes).toHaveLength(2);
    expect(lanes[0].x2).toBeLessThan(lanes[1].x1); // side by side, apart
    for (const lane of lanes) expect(inside(lane, vpc.box)).toBe(true);
    expect(subnets.map((s) => s.kind)).toEqual(['public', 'public', 'private', 'private']);
    expect(inside(subnets[0], lanes[0]) && inside(subnets[2], lanes[0])).toBe(true);
    expect(inside(subnets[1], lanes[1]) && inside(subnets[3], lanes[1])).toBe(true);
    expect(subnets[0].y2).toBeLessThan(subnets[2].y1); // public above private
  });

  test('a resource in both AZs is one box across both lanes', () => {
    const band = /<g id="node\d+" class="node band">[\s\S]*?<path fill="none" stroke="[^"]*" d="([^"]*)"/.exec(single.svg)!;
    const box = boxOf(band[1].match(/-?\d+(\.\d+)?/g)!.map(Number));
    const { lanes } = gridShapes(single.svg);
    expect(box.x1).toBeGreaterThan(lanes[0].x1);
    expect(box.x1).toBeLessThan(lanes[0].x2);
    expect(box.x2).toBeGreaterThan(lanes[1].x1);
    expect(box.x2).toBeLessThan(lanes[1].x2);
    expect(texts(single.svg).filter((t) => t === 'Lambda function')).toHaveLength(1);
  });

  test('labels name the boxes, AZs in order, subnets with type and CIDR', () => {
    const t = texts(single.svg);
    expect(t).toEqual(expect.arrayContaining(['AWS account 111111111111', 'Region eu-west-1', 'VPC', '10.0.0.0/16', 'Public subnet', '10.0.0.0/24', 'Private subnet', 'NAT gateway', 'Internet gateway', 'CloudWatch alarms ×2']));
    expect(t.indexOf('Availability Zone 1')).toBeLessThan(t.indexOf('Availability Zone 2'));
  });

  test('official AWS icons are drawn once each as a symbol the nodes use: the SVG is self-contained', () => {
    const symbols = [...single.svg.matchAll(/<symbol id="([^"]+)"/g)].map((m) => m[1]);
    const uses = [...single.svg.matchAll(/<use class="icon" xlink:href="#([^"]+)"/g)].map((m) => m[1]);
    expect(uses.length).toBeGreaterThanOrEqual(10);
    for (const u of uses) expect(symbols).toContain(u);
    expect(new Set(symbols).size).toBe(symbols.length);
    expect(single.svg).not.toMatch(/<image|xlink:href="(?!#)/);
    const nat = fs.readFileSync(require.resolve('aws-icons/icons/resource/AmazonVPCNATGateway.svg'), 'utf-8');
    expect(single.svg).toContain(/ d="([^"]+)"/.exec(nat)![1]);
  });

  test('every arrow carries the number of its flow step; cross-account steps are marked', () => {
    const svg = staged[2].svg;
    const badges = [...svg.matchAll(/<g class="step-badge"[^>]*><rect[^>]*fill="([^"]+)"[^>]*\/><text[^>]*>([^<]+)<\/text>/g)].map((m) => `${m[2]}${m[1] === '#E7157B' ? '*' : ''}`);
    expect(badges.sort()).toEqual(['1a', '1a', '1b', '1b', '1c', '1d', '1e', '2a*', '3a', '3b*']);
    expect(svg).toMatch(/class="edge flow flow&#45;data cross&#45;account"/);
    expect(clusters(svg).map((c) => c.name)).toEqual(expect.arrayContaining(['cluster_acct-222222222222', 'cluster_acct-333333333333', 'cluster_acct-333333333333/us-west-2']));
  });

  test('the legend on the picture lists each numbered step in words', () => {
    const t = texts(staged[2].svg).join(' ').replace(/\s+/g, ' ');
    expect(t).toContain('Numbered flows');
    expect(t).toContain('Audit trail: CloudTrail trail organization-trail (every account of the organization)');
    expect(t).toMatch(/CloudTrail trail organization-trail → S3 bucket org-audit-logs-222222222222 in account 222222222222 \(Audit \/ log archive\):/);
  });

  test('the customer network (gateways, VPNs\' far end) is outside every account box', () => {
    const all = clusters(staged[2].svg);
    const onPrem = all.find((c) => c.name === 'cluster_on-premises')!;
    expect(onPrem.cls).toBe('cluster box-onPremises');
    const accounts = all.filter((c) => c.cls === 'cluster box-account');
    expect(accounts).toHaveLength(3);
    for (const a of accounts) {
      const overlap = onPrem.box.x1 < a.box.x2 && a.box.x1 < onPrem.box.x2 && onPrem.box.y1 < a.box.y2 && a.box.y1 < onPrem.box.y2;
      expect(overlap).toBe(false);
    }
  });

  test('PNG: a valid image, twice the SVG\'s size by default or the width asked for, opaque, with the drawing on it', async () => {
    // drawn with the shipped diagram fonts alone: no label needs a system font
    expect([single, ...staged].map((d) => needsSystemFonts(d.svg))).toEqual([single, ...staged].map(() => false));
    for (const d of [single, ...staged]) {
      const png = await d.png;
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(png.length).toBeGreaterThan(5_000);
      expect(png.length).toBeLessThan(8_000_000);
      const image = PNG.sync.read(png); // checks every chunk's CRC and inflates the pixels
      expect(image.data.length).toBe(image.width * image.height * 4);
      let opaque = true;
      let dark = 0;
      for (let i = 0; i < image.data.length; i += 4) {
        if (image.data[i + 3] !== 255) opaque = false;
        if (image.data[i] < 100 && image.data[i + 1] < 100 && image.data[i + 2] < 100) dark++;
      }
      expect(opaque).toBe(true);
      expect(dark).toBeGreaterThan(1000); // text and borders, not a blank page
    }
    const svgWidth = Number(/<svg width="([\d.]+)pt"/.exec(single.svg)![1]);
    expect(Math.abs((await single.png).readUInt32BE(16) - 2 * svgWidth)).toBeLessThanOrEqual(2); // IHDR width
    expect((await staged[1].png).readUInt32BE(16)).toBe(800);
  });

  test('the Graphviz source names the icons by their aws-icons path, to edit and render again', async () => {
    expect(single.dot).toMatch(/^digraph architecture \{/);
    expect(single.dot).toContain('<IMG SRC="node:resource/AmazonVPCNATGateway.svg"/>');
    const again = viz.render(single.dot, { format: 'svg', images: [...new Set([...single.dot.matchAll(/SRC="([^"]+)"/g)].map((m) => m[1]))].map((name) => ({ name, width: '48px', height: '48px' })) });
    expect(again.status).toBe('success');
  });

  test('golden: the single-stack diagram is stable (no timestamps, deterministic order)', async () => {
    // GIVEN: icon bodies shortened to a hash so that the golden file stays readable
    const stable = (svg: string) => svg.replace(/(<symbol id="[^"]+" viewBox="[^"]+" preserveAspectRatio="[^"]+">)([\s\S]*?)(<\/symbol>)/g,
      (_m, open: string, body: string, close: string) => `${open}<!-- sha256 ${crypto.createHash('sha256').update(body).digest('hex').slice(0, 12)} -->${close}`);
    const again = (await renderDiagrams(loadAssembly(path.join(FIXTURES, 'single-stack')), { viz }))[0];

    // THEN
    expect(again.svg).toBe(single.svg);
    expect(single.svg).not.toMatch(/graphviz version|\d{4}-\d{2}-\d{2}T/);
    expectGolden(GOLDEN, stable(single.svg));
  });
});
