import { GROUP_ICONS } from '../architecture/resource-kinds';
import { BoxKind, DiagramBox, DiagramEdge, DiagramModel, DiagramNode, LegendFlow, VpcGrid } from './model';
import { DIAGRAM_FONT, textWidth } from './text-metrics';

/** Size of an image referenced by the DOT source (`@viz-js/viz` needs them to lay out `<IMG>`). */
export interface DotImage {
  readonly name: string;
  readonly width: string;
  readonly height: string;
}

/** Prefix of image names: node icons and box (group) icons differ in size. */
export const NODE_IMAGE = 'node:';
export const GROUP_IMAGE = 'group:';
const NODE_ICON_PX = 48;
const GROUP_ICON_PX = 24;
/** Icon cell sizes in points. */
const NODE_ICON = 36;
const GROUP_ICON = 20;

/** Font sizes (points). */
const TITLE_PT = 10;
const DETAIL_PT = 8;
const BOX_TITLE_PT = 11;
const BOX_DETAIL_PT = 9;
const LEGEND_PT = 9;
/** Characters per line of a node's detail and of a legend step before wrapping. */
const DETAIL_CHARS = 30;
const LEGEND_CHARS = 125;

/** The grid of a VPC: lane (AZ) width is computed from its content; these are the fixed parts (points). */
export const GRID = {
  /** Gap between two lanes. */
  gap: 36,
  /** Free room on each side of a lane's widest icon, for arrows that pass beside it. */
  spare: 18,
  minLane: 150,
  /** Padding of a subnet's rectangle around its lane's content, and of an AZ lane around its subnets. */
  cellPadX: 6,
  lanePadX: 11,
  cellPadY: 5,
  lanePadY: 9,
} as const;

interface BoxStyle {
  readonly color: string;
  readonly fill?: string;
  readonly style: string;
  readonly icon?: string;
  readonly penwidth: number;
}

const BOX_STYLES: Record<BoxKind, BoxStyle> = {
  account: { color: '#E7157B', style: 'solid', icon: GROUP_ICONS.account, penwidth: 2 },
  region: { color: '#00A4A6', style: 'dashed', icon: GROUP_ICONS.region, penwidth: 1.5 },
  stack: { color: '#7D8998', style: 'dashed', penwidth: 1.2 },
  vpc: { color: '#248814', style: 'solid', icon: GROUP_ICONS.vpc, penwidth: 2 },
  onPremises: { color: '#7D8998', style: 'solid', icon: GROUP_ICONS.onPremises, penwidth: 2 },
  external: { color: '#7D8998', style: 'dotted', penwidth: 1.5 },
};

/** Subnet rectangles and AZ lanes, drawn after layout (see `post.ts`). */
export const SUBNET_STYLES = {
  public: { color: '#7AA116', fill: '#F2F6E8', icon: GROUP_ICONS.public },
  private: { color: '#00A4A6', fill: '#E6F6F7', icon: GROUP_ICONS.private },
  isolated: { color: '#7D8998', fill: '#EEF0F3', icon: GROUP_ICONS.isolated },
  lane: { color: '#147EBA' },
} as const;
const BAND_STYLE = { color: '#545B64', fill: '#FFFFFF' };

export const EDGE_COLORS = { traffic: '#232F3E', data: '#545B64', control: '#232F3E', crossAccount: '#E7157B' };
/** Regional resources without arrows are laid out in rows of this many icons. */
const GRID_COLUMNS = 4;

/** What the post-processing needs to know of the layout: the VPC grids and the numbered arrows. */
export interface DotPlan {
  readonly vpcs: readonly VpcPlan[];
  readonly edges: readonly EdgePlan[];
}

export interface VpcPlan {
  readonly box: string;
  /** Node spanning the grid's columns at the bottom: its left edge is the first lane's. */
  readonly ruler: string;
  readonly laneWidth: number;
  readonly lanes: readonly { readonly id: string; readonly header: string }[];
  readonly tiers: readonly TierPlan[];
}

export interface TierPlan {
  readonly kind: 'public' | 'private' | 'isolated';
  /** Every node of the tier (subnet headers, icons, bands). */
  readonly members: readonly string[];
  /** Indexes of the lanes that have a subnet of this tier. */
  readonly cells: readonly number[];
  /** Lane index range each band covers. */
  readonly bands: readonly { readonly node: string; readonly first: number; readonly last: number }[];
}

export interface EdgePlan {
  readonly id: string;
  readonly steps: readonly string[];
  readonly crossAccount: boolean;
}

/** Turns a diagram model into Graphviz DOT, plus the sizes of the icons it references and the plan for post-processing. */
export function toDot(model: DiagramModel): { dot: string; images: DotImage[]; plan: DotPlan } {
  return new DotWriter(model).write();
}

class DotWriter {
  private readonly icons = new Set<string>();
  private readonly groupIcons = new Set<string>();
  private readonly lines: string[] = [];
  private readonly layout: string[] = [];
  private readonly vpcs: VpcPlan[] = [];
  /** Node id → the VPC box it is inside (gateways, grid, VPC-level nodes). */
  private readonly vpcOf = new Map<string, string>();
  /** Box id → a node inside it, for arrows that end at the box. */
  private readonly anchors = new Map<string, string>();
  /** Row of a node inside a VPC grid, top to bottom (gateways 0, AZ headers 1, then the tiers' rows). */
  private readonly rowOf = new Map<string, number>();
  /** Lane (AZ column) of a node inside a VPC grid; bands, gateways and the VPC's other icons have none. */
  private readonly laneOf = new Map<string, number>();

  constructor(private readonly model: DiagramModel) {}

  write(): { dot: string; images: DotImage[]; plan: DotPlan } {
    const m = this.model;
    this.lines.push('digraph architecture {');
    // the overview's arrows run between boxes: more room between ranks for their numbers
    const [nodesep, ranksep] = m.kind === 'overview' ? [0.45, 0.75] : [0.16, 0.32];
    this.lines.push(`  graph [rankdir=TB, compound=true, newrank=true, nodesep=${nodesep}, ranksep=${ranksep}, pad=0.3, fontname=${q(DIAGRAM_FONT)}, fontsize=11, labelloc=t, labeljust=l, label=<${graphLabel(m)}>];`);
    this.lines.push(`  node [shape=plain, fontname=${q(DIAGRAM_FONT)}, fontsize=${TITLE_PT}];`);
    this.lines.push(`  edge [fontname=${q(DIAGRAM_FONT)}, fontsize=9, arrowsize=0.7, penwidth=1.6];`);
    for (const n of m.nodes) this.node(n, '  ');
    for (const b of m.boxes) this.box(b, '  ');
    const edges = this.edges();
    for (const l of this.layout) this.lines.push(`  ${l}`);
    this.lines.push('}');
    const images: DotImage[] = [
      ...[...this.icons].sort().map((i) => ({ name: `${NODE_IMAGE}${i}`, width: `${NODE_ICON_PX}px`, height: `${NODE_ICON_PX}px` })),
      ...[...this.groupIcons].sort().map((i) => ({ name: `${GROUP_IMAGE}${i}`, width: `${GROUP_ICON_PX}px`, height: `${GROUP_ICON_PX}px` })),
    ];
    return { dot: `${this.lines.join('\n')}\n`, images, plan: { vpcs: this.vpcs, edges } };
  }

  // ------------------------------------------------------------------ nodes and boxes

  private node(n: DiagramNode, indent: string, attrs = ''): void {
    this.icons.add(n.icon);
    this.lines.push(`${indent}${q(n.id)} [label=<${nodeLabel(n)}>, tooltip=${q(tooltip(n))}${attrs}];`);
  }

  private box(box: DiagramBox, indent: string): void {
    const s = BOX_STYLES[box.kind];
    if (s.icon) this.groupIcons.add(s.icon);
    this.lines.push(`${indent}subgraph ${q(`cluster_${box.id}`)} {`);
    this.lines.push(`${indent}  class=${q(`box-${box.kind}`)}; label=<${boxLabel(box.title, box.detail, s.icon)}>; labeljust=l; labelloc=t; `
      + `color=${q(s.color)}; penwidth=${s.penwidth}; style=${q(`rounded,${s.style}`)}; margin=12;`);
    if (box.kind === 'vpc' && box.grid && box.grid.lanes.length > 0) this.vpcGrid(box, box.grid, `${indent}  `);
    else {
      for (const n of box.gateways ?? []) this.node(n, `${indent}  `);
      for (const n of box.nodes) this.node(n, `${indent}  `);
      const linked = (n: DiagramNode) => this.model.edges.some((e) => e.from === n.id || e.to === n.id);
      this.rows(box.nodes.filter((n) => !linked(n)), box.nodes.find(linked)?.id);
    }
    if (box.nodes.length === 0 && box.boxes.length === 0 && !(box.grid?.lanes.length) && !(box.gateways?.length)) {
      this.lines.push(`${indent}  ${q(`${box.id}#empty`)} [shape=point, style=invis, width=1.4, height=0.3, label=""];`);
    }
    this.anchors.set(box.id, box.gateways?.[0]?.id ?? box.nodes[0]?.id ?? `${box.id}#empty`);
    for (const child of box.boxes) this.box(child, `${indent}  `);
    if (!this.anchors.get(box.id) || this.anchors.get(box.id) === `${box.id}#empty`) {
      const child = box.boxes.find((b) => this.anchors.has(b.id));
      if (child) this.anchors.set(box.id, this.anchors.get(child.id)!);
    }
    this.lines.push(`${indent}}`);
  }

  /**
   * Icons without arrows in rows of {@link GRID_COLUMNS}: a compact block instead of one long row, just above the
   * box's first icon with arrows (when it has one), so that the box does not stretch between the two.
   */
  private rows(nodes: readonly DiagramNode[], before?: string): void {
    const rows: DiagramNode[][] = [];
    nodes.forEach((n, i) => (rows[Math.floor(i / GRID_COLUMNS)] ??= []).push(n));
    rows.forEach((row, r) => {
      this.sameRank(row.map((n) => n.id));
      for (let i = 1; i < row.length; i++) this.invis(row[i - 1].id, row[i].id);
      if (r > 0) this.invis(rows[r - 1][0].id, row[0].id, 'weight=5');
    });
    if (before && rows.length) this.invis(rows[rows.length - 1][0].id, before);
  }

  /**
   * A VPC's inside: a row of AZ headers, then per subnet tier a row of subnet headers, rows of icons and one row per
   * band; a ruler at the bottom fixes the lanes' width and pitch, and every lane is a chain of invisible edges
   * from its header to its port of the ruler, so that the lanes stay straight columns the lane and subnet
   * rectangles can be drawn around after layout.
   */
  private vpcGrid(box: DiagramBox, grid: VpcGrid, indent: string): void {
    const lanes = grid.lanes;
    const cellOf = (lane: string, tier: string) => grid.cells.find((c) => c.lane === lane && c.tier === tier);
    // lane width: the widest thing in a lane, plus room for arrows beside it; bands must fit their lanes
    let content = Math.max(...lanes.map((l) => textWidth(l.title, TITLE_PT, true) + 8));
    for (const c of grid.cells) {
      content = Math.max(content, headerWidth(c.title, c.detail), ...c.nodes.map(nodeWidth));
    }
    let laneWidth = Math.max(GRID.minLane, Math.ceil(content + 2 * GRID.spare));
    for (const b of grid.bands) {
      const need = bandContentWidth(b.node) + 24;
      const span = b.lanes.length;
      laneWidth = Math.max(laneWidth, Math.ceil((need - (span - 1) * GRID.gap) / span));
    }
    const id = (s: string) => `${box.id}#${s}`;
    const ruler = id('ruler');
    const laneIndex = new Map(lanes.map((l, i) => [l.id, i]));
    // chains: the node each lane (and the VPC column) ends at so far
    const tails: string[] = [];

    for (const n of box.gateways ?? []) {
      this.node(n, indent);
      this.rowOf.set(n.id, 0);
    }
    let rowNumber = 1;
    const headers = lanes.map((l, i) => {
      const h = id(`lane${i}`);
      this.lines.push(`${indent}${q(h)} [label=<${textLabel(l.title, TITLE_PT, true)}>, class="lane-header"];`);
      tails[i] = q(h);
      this.rowOf.set(h, rowNumber);
      return h;
    });
    this.sameRank(headers);
    this.flat(headers);
    for (const g of box.gateways ?? []) {
      this.vpcOf.set(g.id, box.id);
      for (const h of headers) this.invis(g.id, h);
    }
    this.sameRank((box.gateways ?? []).map((g) => g.id));

    const tiers: TierPlan[] = [];
    for (const [t, tier] of grid.tiers.entries()) {
      const members: string[] = [];
      // between two tiers an empty rank: room for the numbers of the arrows that go from one to the other
      let gap = t > 0 ? 2 : 1;
      const row = (ids: Array<string | undefined>) => {
        const present = ids.filter((x): x is string => !!x);
        if (!present.length) return;
        rowNumber++;
        present.forEach((x) => this.rowOf.set(x, rowNumber));
        this.sameRank(present);
        this.flat(present);
        ids.forEach((x, i) => {
          if (x) {
            this.laneOf.set(x, i);
            this.layout.push(`${tails[i]} -> ${q(x)} [style=invis, weight=1000${gap > 1 ? `, minlen=${gap}` : ''}];`);
            tails[i] = q(x);
          }
        });
        gap = 1;
        members.push(...present);
      };
      // subnet headers
      const cellLanes = lanes.flatMap((l, i) => (cellOf(l.id, tier.id) ? [i] : []));
      row(lanes.map((l) => {
        const c = cellOf(l.id, tier.id);
        if (!c) return undefined;
        const s = SUBNET_STYLES[tier.kind];
        this.groupIcons.add(s.icon);
        this.lines.push(`${indent}${q(c.id)} [label=<${boxLabel(c.title, c.detail, s.icon, TITLE_PT, DETAIL_PT)}>, class="subnet-header"];`);
        return c.id;
      }));
      // icons of each subnet, one per row
      const depth = Math.max(0, ...lanes.map((l) => cellOf(l.id, tier.id)?.nodes.length ?? 0));
      for (let r = 0; r < depth; r++) {
        row(lanes.map((l) => {
          const n = cellOf(l.id, tier.id)?.nodes[r];
          if (n) this.node(n, indent);
          return n?.id;
        }));
      }
      // bands, each on its own row, tied to the lanes it covers through its ports
      const bands: TierPlan['bands'][number][] = [];
      for (const b of grid.bands.filter((x) => x.tier === tier.id)) {
        const first = laneIndex.get(b.lanes[0])!;
        const last = laneIndex.get(b.lanes[b.lanes.length - 1])!;
        this.icons.add(b.node.icon);
        this.rowOf.set(b.node.id, ++rowNumber);
        this.lines.push(`${indent}${q(b.node.id)} [label=<${bandLabel(b.node, last - first + 1, laneWidth)}>, tooltip=${q(tooltip(b.node))}, class="band"];`);
        for (let i = first; i <= last; i++) {
          this.layout.push(`${tails[i]} -> ${q(b.node.id)}:${q(`l${i - first}`)}:n [style=invis, weight=1000];`);
          tails[i] = `${q(b.node.id)}:${q(`l${i - first}`)}:s`;
        }
        members.push(b.node.id);
        bands.push({ node: b.node.id, first, last });
      }
      tiers.push({ kind: tier.kind, members, cells: cellLanes, bands });
    }
    // VPC-level icons: a column right of the lanes, from the AZ header row down; an invisible spacer after the
    // last AZ header keeps the column out of the last lane
    const vpcTails: string[] = [];
    if (box.nodes.length) {
      const spacer = id('lane-end');
      const headerWidth = textWidth(lanes[lanes.length - 1].title, TITLE_PT, true) + 4;
      const width = Math.max(1, Math.ceil(laneWidth / 2 + GRID.lanePadX + 6 - headerWidth / 2 - 12));
      this.lines.push(`${indent}${q(spacer)} [label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR><TD FIXEDSIZE="TRUE" WIDTH="${width}" HEIGHT="1"></TD></TR></TABLE>>, class="spacer"];`);
      this.sameRank([headers[0], spacer]);
      this.invis(headers[headers.length - 1], spacer);
      vpcTails[0] = spacer;
    }
    box.nodes.forEach((n, i) => {
      this.node(n, indent);
      this.vpcOf.set(n.id, box.id);
      this.rowOf.set(n.id, 1 + i);
      if (i === 0) {
        this.sameRank([headers[0], n.id]);
        this.invis(vpcTails[0], n.id);
      } else this.invis(vpcTails[0], n.id, 'weight=1000');
      vpcTails[0] = n.id;
    });
    // the ruler
    const cells: string[] = [];
    lanes.forEach((_, i) => {
      if (i > 0) cells.push(`<TD FIXEDSIZE="TRUE" WIDTH="${GRID.gap}" HEIGHT="1"></TD>`);
      cells.push(`<TD PORT="l${i}" FIXEDSIZE="TRUE" WIDTH="${laneWidth}" HEIGHT="1"></TD>`);
    });
    this.lines.push(`${indent}${q(ruler)} [label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>${cells.join('')}</TR></TABLE>>, class="ruler"];`);
    lanes.forEach((_, i) => this.layout.push(`${tails[i]} -> ${q(ruler)}:${q(`l${i}`)}:n [style=invis, weight=1000];`));
    for (const h of [...headers, ...tiers.flatMap((t) => t.members)]) this.vpcOf.set(h, box.id);
    for (const c of grid.cells) this.vpcOf.set(c.id, box.id);
    this.vpcs.push({ box: box.id, ruler, laneWidth, lanes: lanes.map((l, i) => ({ id: l.id, header: headers[i] })), tiers });
  }

  private sameRank(ids: readonly string[]): void {
    if (ids.length > 1) this.layout.push(`{ rank=same; ${ids.map(q).join('; ')}; }`);
  }

  /** Invisible flat edges that keep a row in order (the lane chains outweigh their pull). */
  private flat(ids: readonly string[]): void {
    for (let i = 1; i < ids.length; i++) this.invis(ids[i - 1], ids[i]);
  }

  private invis(from: string, to: string, extra = ''): void {
    this.layout.push(`${q(from)} -> ${q(to)} [style=invis${extra ? `, ${extra}` : ''}];`);
  }

  // ------------------------------------------------------------------ arrows

  private edges(): EdgePlan[] {
    const out: EdgePlan[] = [];
    this.model.edges.forEach((e, n) => {
      const id = `flow${n + 1}`;
      let from = e.fromBox ? this.anchors.get(e.fromBox) ?? e.from : e.from;
      let to = e.toBox ? this.anchors.get(e.toBox) ?? e.to : e.to;
      const attrs = edgeAttrs(e, id);
      // an arrow that goes up (a NAT gateway to the internet gateway above it, anything to the Internet) is laid out
      // downwards and drawn backwards, so that Graphviz routes it as the straight edge it is
      const sameVpc = this.vpcOf.get(from) !== undefined && this.vpcOf.get(from) === this.vpcOf.get(to);
      const upwards = to === 'internet' || (sameVpc && (this.rowOf.get(from) ?? 0) > (this.rowOf.get(to) ?? 0));
      if (upwards) {
        [from, to] = [to, from];
        if (!e.bidirectional) attrs.push('dir=back');
      }
      // inside a VPC the lanes decide where things go: an arrow from one lane to another must not reorder them
      const [la, lb] = [this.laneOf.get(from), this.laneOf.get(to)];
      if (sameVpc && la !== undefined && lb !== undefined && la !== lb) attrs.push('constraint=false');
      const [tailBox, headBox] = upwards ? [e.toBox, e.fromBox] : [e.fromBox, e.toBox];
      if (headBox) attrs.push(`lhead=${q(`cluster_${headBox}`)}`, 'constraint=false');
      if (tailBox) attrs.push(`ltail=${q(`cluster_${tailBox}`)}`, 'constraint=false');
      this.layout.push(`${q(from)} -> ${q(to)} [${attrs.join(', ')}];`);
      out.push({ id, steps: e.steps, crossAccount: e.crossAccount });
    });
    return out;
  }
}

function edgeAttrs(e: DiagramEdge, id: string): string[] {
  const color = e.crossAccount ? EDGE_COLORS.crossAccount : EDGE_COLORS[e.medium];
  const style = e.medium === 'data' ? 'dashed' : e.medium === 'control' ? 'dotted' : 'solid';
  const attrs = [`id=${q(id)}`, `color=${q(color)}`, `style=${style}`, `class=${q(`flow flow-${e.medium}${e.crossAccount ? ' cross-account' : ''}`)}`];
  if (e.bidirectional) attrs.push('dir=both');
  return attrs;
}

// -------------------------------------------------------------------- labels

function nodeLabel(n: DiagramNode): string {
  const rows = [
    `<TR><TD FIXEDSIZE="TRUE" WIDTH="${NODE_ICON}" HEIGHT="${NODE_ICON}"><IMG SRC="${NODE_IMAGE}${n.icon}"/></TD></TR>`,
    ...wrap(n.title, DETAIL_CHARS + 4).map((l) => `<TR><TD><FONT POINT-SIZE="${TITLE_PT}">${html(l)}</FONT></TD></TR>`),
    ...detailLines(n.detail).map((l) => `<TR><TD><FONT POINT-SIZE="${DETAIL_PT}" COLOR="#545B64">${html(l)}</FONT></TD></TR>`),
  ];
  return `<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">${rows.join('')}</TABLE>`;
}

/** Width a node's label takes (points), as Graphviz lays it out. */
function nodeWidth(n: DiagramNode): number {
  const widths = [NODE_ICON, ...wrap(n.title, DETAIL_CHARS + 4).map((l) => textWidth(l, TITLE_PT)), ...detailLines(n.detail).map((l) => textWidth(l, DETAIL_PT))];
  return Math.max(...widths) + 2;
}

/**
 * A band: a box across the lanes it covers, its icon and text at the left, with a port at each lane's centre in its
 * bottom row of 1-point cells (as wide as the lanes and the gaps between them). The first lane's cell is split
 * around the icon's column so that its port stays at the lane's centre.
 */
function bandLabel(n: DiagramNode, span: number, laneWidth: number): string {
  const icon = NODE_ICON - 4;
  const column = icon + 12;
  const details = detailLines(n.detail, 60);
  const columns = 2 * span + 1;
  const ports: string[] = [`<TD FIXEDSIZE="TRUE" WIDTH="${column}" HEIGHT="1"></TD>`, `<TD PORT="l0" FIXEDSIZE="TRUE" WIDTH="${laneWidth - 2 * column}" HEIGHT="1"></TD>`, `<TD FIXEDSIZE="TRUE" WIDTH="${column}" HEIGHT="1"></TD>`];
  for (let i = 1; i < span; i++) {
    ports.push(`<TD FIXEDSIZE="TRUE" WIDTH="${GRID.gap}" HEIGHT="1"></TD>`, `<TD PORT="l${i}" FIXEDSIZE="TRUE" WIDTH="${laneWidth}" HEIGHT="1"></TD>`);
  }
  const rows = [
    `<TR><TD ROWSPAN="${1 + details.length}" FIXEDSIZE="TRUE" WIDTH="${column}" HEIGHT="${icon + 6}" CELLPADDING="3" VALIGN="TOP"><IMG SRC="${NODE_IMAGE}${n.icon}"/></TD>`
      + `<TD COLSPAN="${columns - 1}" ALIGN="LEFT" CELLPADDING="2"><FONT POINT-SIZE="${TITLE_PT}"><B>${html(n.title)}</B></FONT></TD></TR>`,
    ...details.map((l) => `<TR><TD COLSPAN="${columns - 1}" ALIGN="LEFT" CELLPADDING="2"><FONT POINT-SIZE="${DETAIL_PT}" COLOR="#545B64">${html(l)}</FONT></TD></TR>`),
    `<TR>${ports.join('')}</TR>`,
  ];
  return `<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0" STYLE="rounded" COLOR="${BAND_STYLE.color}" BGCOLOR="${BAND_STYLE.fill}">${rows.join('')}</TABLE>`;
}

function bandContentWidth(n: DiagramNode): number {
  return NODE_ICON + Math.max(textWidth(n.title, TITLE_PT, true), ...detailLines(n.detail, 60).map((l) => textWidth(l, DETAIL_PT))) + 20;
}

function boxLabel(title: string, detail: string | undefined, icon: string | undefined, titlePt = BOX_TITLE_PT, detailPt = BOX_DETAIL_PT): string {
  const rows = detail ? 2 : 1;
  const iconCell = icon ? `<TD ROWSPAN="${rows}" FIXEDSIZE="TRUE" WIDTH="${GROUP_ICON}" HEIGHT="${GROUP_ICON}" VALIGN="TOP"><IMG SRC="${GROUP_IMAGE}${icon}"/></TD>` : '';
  return `<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">`
    + `<TR>${iconCell}<TD ALIGN="LEFT" CELLPADDING="1"><FONT POINT-SIZE="${titlePt}"><B>${html(title)}</B></FONT></TD></TR>`
    + (detail ? `<TR><TD ALIGN="LEFT" CELLPADDING="1"><FONT POINT-SIZE="${detailPt}" COLOR="#545B64">${html(detail)}</FONT></TD></TR>` : '')
    + '</TABLE>';
}

function headerWidth(title: string, detail: string | undefined): number {
  return GROUP_ICON + Math.max(textWidth(title, TITLE_PT, true), detail ? textWidth(detail, DETAIL_PT) : 0) + 6;
}

function textLabel(text: string, pt: number, bold: boolean, width?: number): string {
  return `<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2"${width ? ` WIDTH="${Math.ceil(width)}"` : ''}><TR><TD><FONT POINT-SIZE="${pt}">${bold ? `<B>${html(text)}</B>` : html(text)}</FONT></TD></TR></TABLE>`;
}

function graphLabel(model: DiagramModel): string {
  const key = [
    `<FONT COLOR="${EDGE_COLORS.traffic}">━━</FONT> network traffic`,
    `<FONT COLOR="${EDGE_COLORS.data}">╍╍</FONT> data delivered (logs, metrics, backups)`,
    `<FONT COLOR="${EDGE_COLORS.control}">┈┈</FONT> deployment`,
    `<FONT COLOR="${EDGE_COLORS.crossAccount}">━━</FONT> crosses accounts`,
  ].join('    ');
  const legend = legendRows(model.legend);
  const rows = [
    `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="18"><B>${html(model.title)}</B></FONT></TD></TR>`,
    `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="10" COLOR="#545B64">${html(model.subtitle)}</FONT></TD></TR>`,
    `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="${LEGEND_PT}">${key}</FONT></TD></TR>`,
    ...legend,
    '<TR><TD> </TD></TR>',
  ];
  return `<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">${rows.join('')}</TABLE>`;
}

/** The numbered flows, each step in words: the legend a reviewer follows on the picture. */
function legendRows(legend: readonly LegendFlow[]): string[] {
  if (!legend.length) return [];
  // one column (a nested table would stretch to the widest line above it): a step's number starts its first line,
  // the lines after it are indented
  const out = [`<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="11"><B>Numbered flows</B></FONT></TD></TR>`];
  const indent = '\u00a0'.repeat(7);
  const lines = (id: string, text: string, style: { readonly bold?: boolean; readonly italic?: boolean; readonly color?: string; readonly pt?: number }) => {
    const pt = style.pt ?? LEGEND_PT;
    wrap(text, LEGEND_CHARS).forEach((l, i) => {
      const body = style.bold ? `<B>${html(l)}</B>` : style.italic ? `<I>${html(l)}</I>` : html(l);
      const pad = style.bold ? 2 : Math.max(1, 5 - id.length);
      const head = i === 0 && id ? `<FONT${style.color ? ` COLOR="${style.color}"` : ''}><B>${id}</B></FONT>${'\u00a0'.repeat(pad)}` : indent;
      out.push(`<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="${pt}"${style.italic ? ' COLOR="#545B64"' : ''}>${head}${body}</FONT></TD></TR>`);
    });
  };
  for (const f of legend) {
    lines(String(f.number), f.title, { bold: true, pt: LEGEND_PT + 1 });
    for (const s of f.steps) lines(s.id, `${s.text}${s.crossAccount ? ' (crosses accounts)' : ''}`, { color: s.crossAccount ? EDGE_COLORS.crossAccount : undefined });
    if (f.note) lines('', f.note, { italic: true });
  }
  return out;
}

function detailLines(detail: string | undefined, chars = DETAIL_CHARS): string[] {
  return detail ? detail.split('\n').flatMap((l) => wrap(l, chars)) : [];
}

/** Wraps text at spaces (and after `-`, `/`, `,` in long names) into lines of at most `max` characters where possible. */
export function wrap(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const tokens = text.match(/[^\s\-/,]+[\-/,]?\s*|[\-/,]\s*|\s+/g) ?? [text];
  const lines: string[] = [];
  let line = '';
  for (const t of tokens) {
    if (line && (line + t).trimEnd().length > max) {
      lines.push(line.trimEnd());
      line = t.trimStart();
    } else line += t;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

function tooltip(n: DiagramNode): string {
  return n.resources.length > 0 ? n.resources.join('\n') : n.title;
}

/** A DOT double-quoted string. */
export function q(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** Text for a Graphviz HTML-like label. */
function html(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
