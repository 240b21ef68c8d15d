/**
 * Layout quality of every reference diagram (each example's pack, the whole app's stage diagrams and its overview)
 * and of partner-style apps: no two labels overlap (text, icons, step badges) and no box border (account, region,
 * stack, VPC, AZ lane, subnet, band) crosses a label.
 *
 * Measured on the rendered SVG (see `svg-geometry.ts`): text boxes from the positions Graphviz wrote and the
 * DejaVu Sans advance widths Graphviz itself lays text out with (its built-in table; the font's own advances for
 * the few other characters), spanning the font's ascent and descent; icons as the squares they are drawn in;
 * borders as the segments of the clusters' and bands' outlines and of the lanes and subnets drawn after layout.
 */
import * as fs from 'fs';
import * as path from 'path';
import { instance, Viz } from '@viz-js/viz';
import { REFERENCE_DEPLOYMENTS } from '../../../examples';
import { accountNamesFromCdkJson, describeArchitecture } from '../../../lib/report/architecture';
import { LoadedAssembly, loadAssembly } from '../../../lib/report/assembly';
import { renderDiagrams } from '../../../lib/report/diagram';
import { synthReferenceApp } from '../../hardening/reference-app';
import { inspectionApp, webApp } from './partner-apps';
import { layoutProblems, svgGeometry } from './svg-geometry';

const REPO = path.join(__dirname, '..', '..', '..');
const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'assemblies');
const NAMES = accountNamesFromCdkJson(path.join(REPO, 'cdk.json'));

const REFERENCE = [
  'whole app: overview',
  ...REFERENCE_DEPLOYMENTS.map((d) => `whole app: ${d.stageId}`),
  ...REFERENCE_DEPLOYMENTS.map((d) => `example: ${d.stageId}`),
];
const PARTNER = ['partner web app', 'partner web app, stacks drawn', 'partner GWLB inspection', 'fixture: staged', 'fixture: single stack'];

const svgs = new Map<string, string>();

async function draw(viz: Viz, label: string, assembly: LoadedAssembly, extra: { stackBoundaries?: boolean } = {}): Promise<void> {
  const architecture = describeArchitecture(assembly, { accountNames: NAMES });
  const diagrams = await renderDiagrams(assembly, { viz, architecture, png: false, ...extra });
  for (const d of diagrams) {
    const name = d.kind === 'overview' ? `${label}: overview` : label.includes('%s') ? label.replace('%s', d.stage) : `${label}${diagrams.length > 1 ? `: ${d.stage || 'app'}` : ''}`;
    svgs.set(name, d.svg);
  }
}

beforeAll(async () => {
  const viz = await instance();
  const app = synthReferenceApp({ packs: false });
  try {
    const whole = loadAssembly(app.outdir);
    const architecture = describeArchitecture(whole, { accountNames: NAMES });
    for (const d of await renderDiagrams(whole, { viz, architecture, png: false })) svgs.set(`whole app: ${d.kind === 'overview' ? 'overview' : d.stage}`, d.svg);
    for (const d of REFERENCE_DEPLOYMENTS) await draw(viz, `example: ${d.stageId}`, loadAssembly(path.join(app.outdir, `assembly-${d.stageId}`)));
  } finally {
    app.dispose();
  }
  const web = webApp();
  await draw(viz, 'partner web app', web);
  await draw(viz, 'partner web app, stacks drawn', web, { stackBoundaries: true });
  await draw(viz, 'partner GWLB inspection', inspectionApp());
  const staged = loadAssembly(path.join(FIXTURES, 'staged'));
  const stagedDiagrams = await renderDiagrams(staged, { viz, png: false, overview: true });
  svgs.set('fixture: staged', stagedDiagrams.map((d) => d.svg).join('\n'));
  await draw(viz, 'fixture: single stack', loadAssembly(path.join(FIXTURES, 'single-stack')));
}, 120_000);

describe('layout quality: no label overlaps another, no box border crosses a label', () => {
  test('every reference diagram is drawn', () => {
    expect([...svgs.keys()].filter((k) => REFERENCE.includes(k)).sort()).toEqual([...REFERENCE].sort());
  });

  test.each([...REFERENCE, ...PARTNER])('%s', (name) => {
    const svg = svgs.get(name);
    expect(svg).toBeDefined();
    // a fixture with several diagrams is checked one SVG at a time
    for (const one of svg!.split(/\n(?=<\?xml)/)) {
      const geometry = svgGeometry(one);
      expect(geometry.labels.length).toBeGreaterThan(10);
      expect(layoutProblems(geometry)).toEqual([]);
      // readable names: no label ends with the hash suffix of a generated id (`NetworkFlowLogs2BEC3212`)
      expect(geometry.labels.filter((l) => l.kind === 'text' && /[a-z](?=[0-9]*[A-F])[0-9A-F]{8}(?![0-9A-Za-z])/.test(l.text)).map((l) => l.text)).toEqual([]);
    }
  });

  test.each([...REFERENCE, ...PARTNER].filter((n) => !n.includes('overview') && !n.includes('CrossAccountBackup') && !n.includes('OrganizationTrail')))('%s: the AZ lanes are side by side, apart, and every band lies within them', (name) => {
    for (const one of svgs.get(name)!.split(/\n(?=<\?xml)/)) {
      const lanes = [...one.matchAll(/<path class="az-lane"[^>]* d="([^"]*)"/g)].map((m) => xRange(m[1]));
      if (!lanes.length) continue;
      const bands = [...one.matchAll(/<g id="node\d+" class="node band">[\s\S]*?<path fill="none" stroke="[^"]*" d="([^"]*)"/g)].map((m) => xRange(m[1]));
      // lanes of one VPC share their top; VPCs are checked one by one
      for (const group of groupBy(lanes, (l) => l.top)) {
        const sorted = [...group].sort((a, b) => a.x1 - b.x1);
        for (let i = 1; i < sorted.length; i++) expect(sorted[i].x1).toBeGreaterThan(sorted[i - 1].x2);
      }
      for (const b of bands) {
        const container = lanes.filter((l) => l.x1 <= b.x1 + 0.5).sort((x, y) => y.x1 - x.x1)[0];
        expect(container).toBeDefined();
        const last = lanes.filter((l) => l.top === container.top && l.x1 < b.x2).sort((x, y) => y.x1 - x.x1)[0];
        expect(b.x2).toBeLessThanOrEqual(last.x2 + 0.5);
        expect(b.x2).toBeGreaterThan(last.x1); // it reaches into the last lane it covers
      }
    }
  });
});

function xRange(d: string): { x1: number; x2: number; top: number } {
  const nums = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  const xs = nums.filter((_, i) => i % 2 === 0);
  const ys = nums.filter((_, i) => i % 2 === 1);
  return { x1: Math.min(...xs), x2: Math.max(...xs), top: Math.round(Math.min(...ys)) };
}

function groupBy<T>(items: readonly T[], key: (t: T) => unknown): T[][] {
  const out = new Map<unknown, T[]>();
  for (const i of items) out.set(key(i), [...(out.get(key(i)) ?? []), i]);
  return [...out.values()];
}

// the SVGs are kept for a person to look at when a test fails
afterAll(() => {
  if (!process.env.KEEP_DIAGRAMS) return;
  fs.mkdirSync(process.env.KEEP_DIAGRAMS, { recursive: true });
  for (const [name, svg] of svgs) fs.writeFileSync(path.join(process.env.KEEP_DIAGRAMS, `${name.replace(/[^A-Za-z0-9]+/g, '-')}.svg`), svg);
});

describe('the layout check itself', () => {
  test('finds overlapping labels and a border through a label, and passes a clean drawing', () => {
    // GIVEN: a label overlapping another, a cluster border through a third, a lane through an icon
    const font = 'font-family="\'DejaVu Sans\'" font-size="10.00"';
    const svg = `<svg><g id="graph0" class="graph">
<g id="clust1" class="cluster box-vpc"><title>cluster_x</title><path fill="none" stroke="#248814" d="M0,0L200,0L200,100L0,100L0,0"/></g>
<text text-anchor="start" x="10" y="20" ${font}>Auto Scaling group</text>
<text text-anchor="start" x="60" y="24" ${font}>NAT gateway</text>
<text text-anchor="middle" x="200" y="50" ${font}>across the border</text>
<use class="icon" xlink:href="#icon1" x="280" y="10" width="36" height="36"/>
<path class="az-lane" fill="none" stroke="#147EBA" d="M300,0L300,120"/>
<text text-anchor="start" x="10" y="80" ${font}>alone</text>
</g></svg>`;
    // WHEN
    const problems = layoutProblems(svgGeometry(svg));
    // THEN
    expect(problems).toEqual([
      "text 'Auto Scaling group' at 10,11 overlaps text 'NAT gateway' at 60,15",
      "the border of cluster box-vpc crosses text 'across the border' at 156,41",
      "the border of az-lane crosses icon '#icon1' at 280,10",
    ]);
    expect(layoutProblems(svgGeometry(svg.replace(/<text[^>]*>(Auto Scaling group|across the border)<\/text>\n/g, '').replace(/<use[^>]*\/>/, '')))).toEqual([]);
  });
});
