/**
 * After layout: the parts Graphviz cannot draw itself, placed from the coordinates it computed (the positions and
 * sizes of its `json0` output, the texts and arrows of its SVG): the AZ lanes and subnet rectangles of each VPC
 * grid (which the bands cross), and the numbered badge of each arrow, put where it overlaps no label, icon, badge
 * or box border.
 */
import { DotPlan, EDGE_COLORS, GRID, SUBNET_STYLES, VpcPlan } from './dot';
import { DIAGRAM_FONT, textWidth } from './text-metrics';

/**
 * Graphviz's `json0` output (the parts read here): positions and sizes, without the drawing operations of `json`,
 * which cost the first layout of a process ~15-20 ms more to write (the texts and arrows are read from the SVG).
 */
export interface GvJson {
  readonly bb: string;
  readonly objects?: readonly GvObject[];
}
interface GvObject {
  readonly name: string;
  readonly pos?: string;
  readonly width?: string;
  readonly height?: string;
  readonly bb?: string;
  /** Label position and size (clusters). */
  readonly lp?: string;
  readonly lwidth?: string;
  readonly lheight?: string;
}

/** An axis-aligned rectangle in SVG coordinates (y down). */
export interface Rect {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}
/** A line segment in SVG coordinates. */
export interface Segment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** Font metrics of DejaVu Sans (ascent, descent in ems), for the box a line of text takes. */
export const ASCENT = 0.93;
export const DESCENT = 0.24;
const BADGE_PT = 8;

/** SVG fragments to add: below everything (lanes, subnets) and above everything (badges). */
export interface Overlay {
  readonly below: string;
  readonly above: string;
}

/** Draws the lanes, subnets and badges of a laid-out diagram, from Graphviz's `json0` and SVG outputs. */
export function overlay(json: GvJson, svg: string, plan: DotPlan): Overlay {
  const nodes = new Map<string, Rect>();
  for (const o of json.objects ?? []) {
    if (o.pos && o.width && o.height) {
      const [x, y] = o.pos.split(',').map(Number);
      const w = Number(o.width) * 72;
      const h = Number(o.height) * 72;
      nodes.set(o.name, { x1: x - w / 2, y1: -y - h / 2, x2: x + w / 2, y2: -y + h / 2 });
    }
  }
  const below: string[] = [];
  const borders: Segment[] = [];
  for (const vpc of plan.vpcs) below.push(grid(vpc, nodes, borders));

  // obstacles for the badges: every text, every node (icons and tables), every box border, the badges placed
  const obstacles: Rect[] = [];
  const badges: Rect[] = [];
  obstacles.push(...textRects(svg));
  for (const o of json.objects ?? []) {
    const n = nodes.get(o.name);
    if (n && n.x2 - n.x1 > 2 && n.y2 - n.y1 > 2) obstacles.push(n);
    if (o.bb) {
      const [x1, y1, x2, y2] = o.bb.split(',').map(Number);
      borders.push(...rectSegments({ x1, y1: -y2, x2, y2: -y1 }));
    }
    // a box's label with its icon
    if (o.lp && o.lwidth && o.lheight) {
      const [x, y] = o.lp.split(',').map(Number);
      const w = Number(o.lwidth) * 72;
      const h = Number(o.lheight) * 72;
      obstacles.push({ x1: x - w / 2, y1: -y - h / 2, x2: x + w / 2, y2: -y + h / 2 });
    }
  }
  const paths = edgePaths(svg);
  const above: string[] = [];
  for (const e of plan.edges) {
    const points = paths.get(e.id);
    if (!points?.length) continue;
    // one badge per step: small badges find room where a long one would not
    for (const label of e.steps) {
      const w = textWidth(label, BADGE_PT, true) + 8;
      const h = BADGE_PT + 5;
      const spot = placeBadge(points, w, h, obstacles, badges, borders);
      badges.push(spot);
      const color = e.crossAccount ? EDGE_COLORS.crossAccount : EDGE_COLORS.traffic;
      above.push(`<g class="step-badge" data-edge="${e.id}"><rect x="${f(spot.x1)}" y="${f(spot.y1)}" width="${f(w)}" height="${f(h)}" rx="${f(h / 2)}" fill="${color}" stroke="#ffffff" stroke-width="1"/>`
        + `<text xml:space="preserve" text-anchor="middle" x="${f((spot.x1 + spot.x2) / 2)}" y="${f(spot.y2 - 3.6)}" font-family="${DIAGRAM_FONT}" font-weight="bold" font-size="${BADGE_PT.toFixed(2)}" fill="#ffffff">${label}</text></g>`);
    }
  }
  return { below: below.join('\n'), above: above.join('\n') };
}

/** One VPC's AZ lanes (dashed) and subnet rectangles (filled), with their borders broken where a band crosses them. */
function grid(vpc: VpcPlan, nodes: ReadonlyMap<string, Rect>, borders: Segment[]): string {
  const ruler = nodes.get(vpc.ruler);
  if (!ruler) return '';
  const pitch = vpc.laneWidth + GRID.gap;
  const laneX = (i: number) => ({ x1: ruler.x1 + i * pitch, x2: ruler.x1 + i * pitch + vpc.laneWidth });
  const rowOf = (ids: readonly string[]) => {
    const rects = ids.map((id) => nodes.get(id)).filter((r): r is Rect => !!r);
    return { y1: Math.min(...rects.map((r) => r.y1)), y2: Math.max(...rects.map((r) => r.y2)) };
  };
  const bands = vpc.tiers.flatMap((t) => t.bands.map((b) => ({ ...b, rect: nodes.get(b.node)! })).filter((b) => b.rect));
  const out: string[] = ['<g class="vpc-grid">'];
  const tiers = vpc.tiers.filter((t) => t.members.length).map((t) => ({ tier: t, ...rowOf(t.members) }));
  const headerTop = Math.min(...vpc.lanes.map((l) => nodes.get(l.header)?.y1 ?? Infinity));
  const bottom = Math.max(...tiers.map((t) => t.y2));
  /** A vertical line from y1 to y2 at x, without the parts a band (covering both sides of x) hides. */
  const vertical = (x: number, y1: number, y2: number): Segment[] => {
    let parts: Array<[number, number]> = [[y1, y2]];
    for (const b of bands) {
      if (b.rect.x1 < x - 1 && b.rect.x2 > x + 1) {
        parts = parts.flatMap(([a, z]): Array<[number, number]> => (b.rect.y2 <= a || b.rect.y1 >= z ? [[a, z]] : [[a, b.rect.y1], [b.rect.y2, z]].filter(([p, r]) => r - p > 0.5) as Array<[number, number]>));
      }
    }
    return parts.map(([a, z]) => ({ x1: x, y1: a, x2: x, y2: z }));
  };
  const path = (segs: readonly Segment[]) => segs.map((s) => `M${f(s.x1)},${f(s.y1)}L${f(s.x2)},${f(s.y2)}`).join('');
  // subnets: one rectangle per tier and lane that has a subnet
  for (const t of tiers) {
    const style = SUBNET_STYLES[t.tier.kind];
    for (const i of t.tier.cells) {
      const { x1, x2 } = laneX(i);
      const r = { x1: x1 - GRID.cellPadX, y1: t.y1 - GRID.cellPadY, x2: x2 + GRID.cellPadX, y2: t.y2 + GRID.cellPadY };
      const segs = [
        { x1: r.x1, y1: r.y1, x2: r.x2, y2: r.y1 }, { x1: r.x1, y1: r.y2, x2: r.x2, y2: r.y2 },
        ...vertical(r.x1, r.y1, r.y2), ...vertical(r.x2, r.y1, r.y2),
      ];
      borders.push(...segs);
      out.push(`<rect class="subnet subnet-${t.tier.kind}" x="${f(r.x1)}" y="${f(r.y1)}" width="${f(r.x2 - r.x1)}" height="${f(r.y2 - r.y1)}" fill="${style.fill}" stroke="none"/>`
        + `<path class="subnet-border" fill="none" stroke="${style.color}" stroke-width="1" d="${path(segs)}"/>`);
    }
  }
  // AZ lanes around their subnets, from the AZ header down
  vpc.lanes.forEach((_, i) => {
    const { x1, x2 } = laneX(i);
    const r = { x1: x1 - GRID.lanePadX, y1: headerTop - GRID.lanePadY + 4, x2: x2 + GRID.lanePadX, y2: bottom + GRID.lanePadY };
    const segs = [
      { x1: r.x1, y1: r.y1, x2: r.x2, y2: r.y1 }, { x1: r.x1, y1: r.y2, x2: r.x2, y2: r.y2 },
      ...vertical(r.x1, r.y1, r.y2), ...vertical(r.x2, r.y1, r.y2),
    ];
    borders.push(...segs);
    out.push(`<path class="az-lane" fill="none" stroke="${SUBNET_STYLES.lane.color}" stroke-width="1.5" stroke-dasharray="6,3" d="${path(segs)}"/>`);
  });
  out.push('</g>');
  return out.join('\n');
}

/**
 * Where a badge of w × h goes along an arrow: the spot nearest the middle that overlaps no label, icon, badge or
 * box border; beside the arrow when nothing on it is free; else the least bad spot.
 */
function placeBadge(points: readonly [number, number][], w: number, h: number, obstacles: readonly Rect[], badges: readonly Rect[], borders: readonly Segment[]): Rect {
  const samples = samplePath(points, 24);
  const mid = Math.floor(samples.length / 2);
  const order: number[] = [mid];
  for (let d = 1; d < samples.length; d++) for (const i of [mid - d, mid + d]) if (i >= 1 && i < samples.length - 1) order.push(i);
  let best: { rect: Rect; cost: number } | undefined;
  for (const offset of [0, 1, -1, 2, -2, 3, -3]) {
    for (const i of order) {
      const [x, y] = samples[i];
      const [nx, ny] = normalAt(samples, i);
      const cx = x + nx * offset * h * 0.8;
      const cy = y + ny * offset * h * 0.8;
      const rect = { x1: cx - w / 2, y1: cy - h / 2, x2: cx + w / 2, y2: cy + h / 2 };
      let cost = 0;
      for (const o of obstacles) if (overlaps(rect, o, 0.5)) cost += 100;
      for (const b of badges) if (overlaps(rect, b, -1)) cost += 100;
      for (const s of borders) if (crosses(s, rect, 0)) cost += 10;
      cost += Math.abs(offset);
      if (cost === Math.abs(offset) && cost === 0) return rect;
      if (!best || cost < best.cost) best = { rect, cost };
    }
    if (best && best.cost < 10) return best.rect;
  }
  return best!.rect;
}

/** Points along a chain of cubic Bézier segments (Graphviz `b` op points, Graphviz coordinates) in SVG coordinates. */
function samplePath(points: readonly [number, number][], perSegment: number): [number, number][] {
  const out: [number, number][] = [];
  for (let s = 0; s + 3 < points.length; s += 3) {
    const [p0, p1, p2, p3] = [points[s], points[s + 1], points[s + 2], points[s + 3]];
    for (let k = 0; k < perSegment; k++) {
      const t = k / perSegment;
      const a = (1 - t) ** 3, b = 3 * (1 - t) ** 2 * t, c = 3 * (1 - t) * t ** 2, d = t ** 3;
      out.push([a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], -(a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1])]);
    }
  }
  const last = points[points.length - 1];
  if (last) out.push([last[0], -last[1]]);
  return out;
}

function normalAt(samples: readonly [number, number][], i: number): [number, number] {
  const [ax, ay] = samples[Math.max(0, i - 1)];
  const [bx, by] = samples[Math.min(samples.length - 1, i + 1)];
  const len = Math.hypot(bx - ax, by - ay) || 1;
  return [-(by - ay) / len, (bx - ax) / len];
}

/**
 * The Bézier points of each arrow (`<g id="..." class="edge ...">`), in Graphviz coordinates (y up), from the
 * `d` of its path in Graphviz's SVG (`M p0 C p1 p2 p3 ...`, y down).
 */
function edgePaths(svg: string): Map<string, [number, number][]> {
  const out = new Map<string, [number, number][]>();
  for (const m of svg.matchAll(/<g id="([^"]+)" class="edge(?: [^"]*)?">(?:(?!<\/g>)[\s\S])*?<path [^>]*?\bd="M([^"]+)"/g)) {
    const points = [...m[2].matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((p): [number, number] => [Number(p[1]), -Number(p[2])]);
    out.set(decodeXml(m[1]), points);
  }
  return out;
}

/** The boxes of the texts of Graphviz's SVG (SVG coordinates): every label of the graph, its boxes and nodes. */
export function textRects(svg: string): Rect[] {
  const out: Rect[] = [];
  for (const m of svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)) {
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(m[1])?.[1];
    const size = Number(attr('font-size') ?? 14);
    const width = textWidth(decodeXml(m[2]), size, attr('font-weight') === 'bold');
    const [x, y] = [Number(attr('x')), Number(attr('y'))];
    const anchor = attr('text-anchor');
    const x1 = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
    out.push({ x1, y1: y - ASCENT * size, x2: x1 + width, y2: y + DESCENT * size });
  }
  return out;
}

/** Text of an SVG document: character references and the five XML entities decoded. */
function decodeXml(s: string): string {
  return s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_m, hex: string | undefined, dec: string | undefined, named: string | undefined) =>
    (named ? ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as const)[named.toLowerCase() as 'amp'] : String.fromCodePoint(hex ? parseInt(hex, 16) : Number(dec))));
}

function rectSegments(r: Rect): Segment[] {
  return [
    { x1: r.x1, y1: r.y1, x2: r.x2, y2: r.y1 }, { x1: r.x2, y1: r.y1, x2: r.x2, y2: r.y2 },
    { x1: r.x2, y1: r.y2, x2: r.x1, y2: r.y2 }, { x1: r.x1, y1: r.y2, x2: r.x1, y2: r.y1 },
  ];
}

/** Whether two rectangles overlap by more than `tolerance` on both axes. */
export function overlaps(a: Rect, b: Rect, tolerance = 0): boolean {
  return Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > tolerance && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > tolerance;
}

/** Whether a segment passes through the inside of a rectangle (shrunk by `tolerance`). */
export function crosses(s: Segment, r: Rect, tolerance = 0): boolean {
  const inner = { x1: r.x1 + tolerance, y1: r.y1 + tolerance, x2: r.x2 - tolerance, y2: r.y2 - tolerance };
  if (inner.x2 <= inner.x1 || inner.y2 <= inner.y1) return false;
  // Liang–Barsky clipping of the segment against the rectangle
  let t0 = 0;
  let t1 = 1;
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  const clip = (p: number, q: number) => {
    if (p === 0) return q >= 0;
    const t = q / p;
    if (p < 0) {
      if (t > t1) return false;
      if (t > t0) t0 = t;
    } else {
      if (t < t0) return false;
      if (t < t1) t1 = t;
    }
    return true;
  };
  return clip(-dx, s.x1 - inner.x1) && clip(dx, inner.x2 - s.x1) && clip(-dy, s.y1 - inner.y1) && clip(dy, inner.y2 - s.y1) && t1 - t0 > 1e-9;
}

function f(n: number): string {
  return String(Math.round(n * 100) / 100);
}
