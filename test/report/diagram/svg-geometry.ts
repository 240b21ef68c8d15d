/**
 * The geometry of a rendered diagram, read from its SVG: every label (text, icon, step badge) as a rectangle and
 * every box border (account, region, stack, VPC, AZ lane, subnet, band) as line segments.
 *
 * Text is measured without a browser with the metrics Graphviz itself lays DejaVu Sans out with: for ASCII its
 * built-in width table (the font's own advances, `lib/report/diagram/text-metrics.ts`), for the few other
 * characters the font's advances (where Graphviz only estimates), one em for anything else. A line's box spans
 * the font's ascent and descent around the baseline Graphviz wrote, so two boxes that touch never overlap ink.
 */
import { ASCENT, crosses, DESCENT, overlaps, Rect, Segment } from '../../../lib/report/diagram/post';
import { textWidth } from '../../../lib/report/diagram/text-metrics';

export interface Label {
  readonly kind: 'text' | 'icon' | 'badge';
  readonly text: string;
  readonly rect: Rect;
}

export interface Border {
  /** What the border belongs to, e.g. `cluster box-account` or `az-lane`. */
  readonly owner: string;
  readonly segment: Segment;
}

export interface SvgGeometry {
  readonly labels: readonly Label[];
  readonly borders: readonly Border[];
}

const decode = (s: string) => s.replace(/&#(\d+);/g, (_m, c) => String.fromCharCode(Number(c))).replace(/&lt;/g, '<').replace(/&gt;/g, '>')
  .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** Reads the labels and borders of a diagram's SVG. */
export function svgGeometry(svg: string): SvgGeometry {
  const labels: Label[] = [];
  const borders: Border[] = [];
  // step badges: one label each (their text is inside their rectangle)
  const withoutBadges = svg.replace(/<g class="step-badge"[^>]*><rect([^>]*)\/><text[^>]*>([^<]*)<\/text><\/g>/g, (_m, rect: string, text: string) => {
    const x = Number(attr(rect, 'x'));
    const y = Number(attr(rect, 'y'));
    labels.push({ kind: 'badge', text: decode(text), rect: { x1: x, y1: y, x2: x + Number(attr(rect, 'width')), y2: y + Number(attr(rect, 'height')) } });
    return '';
  });
  for (const m of withoutBadges.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)) {
    const [, tag, raw] = m;
    const text = decode(raw);
    if (!text.trim()) continue;
    const size = Number(attr(tag, 'font-size'));
    const width = textWidth(text, size, attr(tag, 'font-weight') === 'bold');
    const x = Number(attr(tag, 'x'));
    const y = Number(attr(tag, 'y'));
    const anchor = attr(tag, 'text-anchor');
    const x1 = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
    labels.push({ kind: 'text', text, rect: { x1, y1: y - ASCENT * size, x2: x1 + width, y2: y + DESCENT * size } });
  }
  // icons are square symbols drawn at the top left of their box (preserveAspectRatio xMinYMin meet)
  for (const m of withoutBadges.matchAll(/<use class="icon"([^>]*)\/>/g)) {
    const x = Number(attr(m[1], 'x'));
    const y = Number(attr(m[1], 'y'));
    const side = Math.min(Number(attr(m[1], 'width')), Number(attr(m[1], 'height')));
    labels.push({ kind: 'icon', text: attr(m[1], 'xlink:href') ?? '', rect: { x1: x, y1: y, x2: x + side, y2: y + side } });
  }
  // boxes drawn by Graphviz: clusters, and tables with a border inside nodes (bands)
  for (const g of withoutBadges.matchAll(/<g id="(?:clust|node)\d+" class="([^"]*)">([\s\S]*?)<\/g>/g)) {
    const [, cls, body] = g;
    for (const shape of body.matchAll(/<(path|polygon)([^>]*)\/>/g)) {
      const stroke = attr(shape[2], 'stroke');
      if (!stroke || stroke === 'none' || stroke === 'transparent') continue;
      for (const segment of shapeSegments(shape[1], shape[2])) borders.push({ owner: cls, segment });
    }
  }
  // AZ lanes and subnets, drawn after layout
  for (const p of withoutBadges.matchAll(/<path class="(az-lane|subnet-border)"([^>]*)\/>/g)) {
    for (const segment of shapeSegments('path', p[2])) borders.push({ owner: p[1], segment });
  }
  return { labels, borders };
}

/** The straight segments of a polygon, or of a path's points (a Bézier curve by the chords between its ends). */
function shapeSegments(kind: string, tag: string): Segment[] {
  const out: Segment[] = [];
  if (kind === 'polygon') {
    const pts = (attr(tag, 'points') ?? '').trim().split(/\s+/).map((p) => p.split(',').map(Number));
    for (let i = 1; i < pts.length; i++) out.push({ x1: pts[i - 1][0], y1: pts[i - 1][1], x2: pts[i][0], y2: pts[i][1] });
    return out;
  }
  const d = attr(tag, 'd') ?? '';
  let current: [number, number] | undefined;
  for (const cmd of d.matchAll(/([MLC])([^MLC]*)/g)) {
    const nums = (cmd[2].match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);
    const pts: [number, number][] = [];
    for (let i = 0; i + 1 < nums.length; i += 2) pts.push([nums[i], nums[i + 1]]);
    if (cmd[1] === 'M') current = pts[pts.length - 1];
    else if (cmd[1] === 'L') {
      for (const p of pts) {
        if (current) out.push({ x1: current[0], y1: current[1], x2: p[0], y2: p[1] });
        current = p;
      }
    } else {
      // cubic Béziers, as polylines through points of the curve
      for (let i = 2; i < pts.length; i += 3) {
        if (!current) break;
        const [p0, p1, p2, p3] = [current, pts[i - 2], pts[i - 1], pts[i]];
        let prev = p0;
        for (const t of [0.25, 0.5, 0.75, 1]) {
          const a = (1 - t) ** 3, b = 3 * (1 - t) ** 2 * t, c = 3 * (1 - t) * t ** 2, d = t ** 3;
          const q: [number, number] = [a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]];
          out.push({ x1: prev[0], y1: prev[1], x2: q[0], y2: q[1] });
          prev = q;
        }
        current = pts[i];
      }
    }
  }
  return out;
}

/** Problems with a diagram's layout, one line each: labels that overlap, labels a box border crosses. */
export function layoutProblems(geometry: SvgGeometry, tolerance = 0.5): string[] {
  const out: string[] = [];
  const { labels, borders } = geometry;
  const show = (l: Label) => `${l.kind} '${l.text.length > 40 ? `${l.text.slice(0, 39)}…` : l.text}' at ${Math.round(l.rect.x1)},${Math.round(l.rect.y1)}`;
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      if (overlaps(labels[i].rect, labels[j].rect, tolerance)) out.push(`${show(labels[i])} overlaps ${show(labels[j])}`);
    }
  }
  for (const l of labels) {
    for (const b of borders) {
      if (crosses(b.segment, l.rect, tolerance)) {
        out.push(`the border of ${b.owner} crosses ${show(l)}`);
        break;
      }
    }
  }
  return out;
}
