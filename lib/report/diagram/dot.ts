import { GROUP_ICONS } from './icon-table';
import { BoxKind, DiagramBox, DiagramEdge, DiagramModel, DiagramNode } from './model';

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

/** Graphviz measures text with Helvetica metrics; the SVG names fallbacks of the same width. */
export const FONT = 'Helvetica';

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
  vpc: { color: '#248814', style: 'solid', icon: GROUP_ICONS.vpc, penwidth: 2 },
  az: { color: '#147EBA', style: 'dashed', penwidth: 1.5 },
  public: { color: '#7AA116', fill: '#F2F6E8', style: 'filled', icon: GROUP_ICONS.public, penwidth: 1 },
  private: { color: '#00A4A6', fill: '#E6F6F7', style: 'filled', icon: GROUP_ICONS.private, penwidth: 1 },
  isolated: { color: '#7D8998', fill: '#EEF0F3', style: 'filled', icon: GROUP_ICONS.isolated, penwidth: 1 },
  onPremises: { color: '#7D8998', style: 'solid', icon: GROUP_ICONS.onPremises, penwidth: 2 },
  external: { color: '#7D8998', style: 'dotted', penwidth: 1.5 },
};

const SUBNET_KINDS: ReadonlySet<BoxKind> = new Set(['public', 'private', 'isolated']);
const headerId = (box: DiagramBox) => `${box.id}#header`;

const EDGE_COLORS = { network: '#232F3E', connectivity: '#8C4FFF', flow: '#545B64', crossAccount: '#E7157B' };
/** Regional resources are laid out in columns of this many icons. */
const GRID_ROWS = 4;
/** Resources on the path into a VPC: drawn left of the subnets, not in the grid of regional resources. */
const ENTRY_TYPES: ReadonlySet<string> = new Set([
  'Internet',
  'AWS::EC2::InternetGateway',
  'AWS::EC2::EgressOnlyInternetGateway',
  'AWS::EC2::VPNGateway',
  'AWS::EC2::VPNConnection',
  'AWS::EC2::TransitGateway',
  'AWS::EC2::CustomerGateway',
  'AWS::EC2::ClientVpnEndpoint',
  'AWS::DirectConnect::DirectConnectGateway',
  'AWS::DirectConnect::Connection',
  'AWS::DirectConnect::Lag',
]);

/** Turns a diagram model into Graphviz DOT, plus the sizes of the icons it references. */
export function toDot(model: DiagramModel): { dot: string; images: DotImage[] } {
  const icons = new Set<string>();
  const groupIcons = new Set<string>();
  const lines: string[] = [];
  const layout: string[] = [];
  const anchors = new Map<string, string>();

  const emitNode = (n: DiagramNode, indent: string) => {
    icons.add(n.icon);
    const rows = [
      `<TR><TD FIXEDSIZE="TRUE" WIDTH="38" HEIGHT="38"><IMG SRC="${NODE_IMAGE}${n.icon}"/></TD></TR>`,
      `<TR><TD><FONT POINT-SIZE="10">${html(n.title)}</FONT></TD></TR>`,
      n.detail ? `<TR><TD><FONT POINT-SIZE="8.5" COLOR="#545B64">${html(n.detail)}</FONT></TD></TR>` : '',
    ].join('');
    lines.push(`${indent}${q(n.id)} [label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">${rows}</TABLE>>, tooltip=${q(tooltip(n))}];`);
  };

  const boxLabel = (box: DiagramBox, s: BoxStyle) => {
    if (s.icon) groupIcons.add(s.icon);
    const text = `<TD ALIGN="LEFT" BALIGN="LEFT"><B>${html(box.title)}</B>${box.detail ? `<BR/><FONT POINT-SIZE="9" COLOR="#545B64">${html(box.detail)}</FONT>` : ''}</TD>`;
    // Graphviz measures the bold title with regular metrics: a spacer keeps it inside its box once rendered.
    const spacer = `<TD WIDTH="${Math.ceil(box.title.length * 1.3) + 6}"></TD>`;
    return `<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1"><TR>${s.icon
      ? `<TD FIXEDSIZE="TRUE" WIDTH="20" HEIGHT="20" VALIGN="TOP"><IMG SRC="${GROUP_IMAGE}${s.icon}"/></TD>` : ''}${text}${spacer}</TR></TABLE>`;
  };

  const emitBox = (box: DiagramBox, indent: string) => {
    const s = BOX_STYLES[box.kind];
    // In a left-to-right layout Graphviz reserves a cluster label's width between ranks, which leaves
    // wide gaps between subnet columns. Subnets get their label as a header icon instead (their anchor).
    const header = SUBNET_KINDS.has(box.kind);
    lines.push(`${indent}subgraph ${q(`cluster_${box.id}`)} {`);
    lines.push(`${indent}  class=${q(`box-${box.kind}`)}; label=${header ? '""' : `<${boxLabel(box, s)}>`}; labeljust=l; labelloc=t; fontsize=11; `
      + `color=${q(s.color)}; penwidth=${s.penwidth}; style=${q(s.style)};${s.fill ? ` fillcolor=${q(s.fill)};` : ''} margin=${header ? 6 : 10};`);
    for (const n of [...box.nodes].reverse()) emitNode(n, `${indent}  `);
    if (header) lines.push(`${indent}  ${q(headerId(box))} [label=<${boxLabel(box, s)}>, class="box-header"];`);
    else if (box.nodes.length === 0 && box.boxes.length === 0) {
      lines.push(`${indent}  ${q(`${box.id}#empty`)} [shape=point, style=invis, width=1.2, height=0.3, label=""];`);
    }
    for (const child of [...box.boxes].reverse()) emitBox(child, `${indent}  `);
    lines.push(`${indent}}`);
  };

  const anchorOf = (box: DiagramBox): string => {
    let a = anchors.get(box.id);
    if (!a) {
      // a VPC is entered at its first subnet; other boxes at their first icon
      const firstAz = box.kind === 'vpc' ? box.boxes.find((b) => b.kind === 'az' && b.boxes.length > 0) : undefined;
      a = firstAz ? anchorOf(firstAz)
        : SUBNET_KINDS.has(box.kind) ? headerId(box)
          : box.nodes[0]?.id ?? (box.boxes.length ? anchorOf(box.boxes[0]) : `${box.id}#empty`);
      anchors.set(box.id, a);
    }
    return a;
  };

  const sameRank = (ids: readonly string[]) => {
    if (ids.length > 1) layout.push(`{ rank=same; ${ids.map(q).join('; ')}; }`);
  };
  const invis = (from: string, to: string) => layout.push(`${q(from)} -> ${q(to)} [style=invis];`);
  const subnetsOf = (az: DiagramBox) => az.boxes;
  /** The right-most column of a VPC: its trailing nodes, or else the last subnet of each AZ. */
  const vpcTail = (vpc: DiagramBox): string[] => {
    const trailing = vpc.nodes.filter((n) => !ENTRY_TYPES.has(n.type));
    if (trailing.length > 0) return trailing.map((n) => n.id);
    return vpc.boxes.filter((b) => b.kind === 'az' && b.boxes.length > 0).map((az) => anchorOf(az.boxes[az.boxes.length - 1]));
  };

  // Left to right: Internet and on-premises, gateways, then per AZ (a row) public → private → isolated
  // subnets (columns), then the VPC's other resources, then regional resources in a grid.
  const arrange = (box: DiagramBox) => {
    if (SUBNET_KINDS.has(box.kind)) {
      // flat edges order a column bottom-up in a left-to-right layout: last icon → ... → first → header
      const column = [...box.nodes.map((n) => n.id)].reverse().concat(headerId(box));
      sameRank(column);
      for (let i = 1; i < column.length; i++) invis(column[i - 1], column[i]);
    }
    if (box.kind === 'az') {
      const subnets = subnetsOf(box);
      for (let i = 1; i < subnets.length; i++) invis(anchorOf(subnets[i - 1]), anchorOf(subnets[i]));
    }
    if (box.kind === 'vpc') {
      const azs = box.boxes.filter((b) => b.kind === 'az' && b.boxes.length > 0);
      const entries = box.nodes.filter((n) => ENTRY_TYPES.has(n.type));
      const trailing = box.nodes.filter((n) => !ENTRY_TYPES.has(n.type));
      for (const e of entries) for (const az of azs) invis(e.id, anchorOf(az.boxes[0]));
      if (azs.length > 0) {
        for (const t of trailing) for (const az of azs) invis(anchorOf(az.boxes[az.boxes.length - 1]), t.id);
      }
      sameRank(trailing.map((n) => n.id));
    }
    if (box.kind === 'region' || box.kind === 'account' || box.kind === 'onPremises' || box.kind === 'external') {
      const grid = box.nodes.filter((n) => !ENTRY_TYPES.has(n.type));
      const columns: DiagramNode[][] = [];
      grid.forEach((n, i) => (columns[Math.floor(i / GRID_ROWS)] ??= []).push(n));
      columns.forEach((col, c) => {
        sameRank(col.map((n) => n.id));
        if (c > 0) invis(columns[c - 1][0].id, col[0].id);
      });
      if (columns.length > 0) {
        for (const vpc of box.boxes.filter((b) => b.kind === 'vpc')) for (const t of vpcTail(vpc)) invis(t, columns[0][0].id);
      }
    }
    box.boxes.forEach(arrange);
  };

  lines.push('digraph architecture {');
  lines.push(`  graph [rankdir=LR, compound=true, newrank=true, nodesep=0.2, ranksep=0.35, pad=0.3, fontname=${q(FONT)}, fontsize=11, labelloc=t, labeljust=l, forcelabels=true, label=<${graphLabel(model)}>];`);
  lines.push(`  node [shape=plain, fontname=${q(FONT)}, fontsize=10];`);
  lines.push(`  edge [fontname=${q(FONT)}, fontsize=9, arrowsize=0.7, color=${q(EDGE_COLORS.flow)}];`);
  // In a left-to-right layout Graphviz stacks what it meets first at the bottom: emit in reverse so
  // that AZ 1 is on top and boxes and icons read top-down in their sort order.
  for (const n of [...model.nodes].reverse()) emitNode(n, '  ');
  for (const b of [...model.boxes].reverse()) emitBox(b, '  ');
  model.boxes.forEach(arrange);
  const boxById = new Map<string, DiagramBox>();
  const collect = (b: DiagramBox) => {
    boxById.set(b.id, b);
    b.boxes.forEach(collect);
  };
  model.boxes.forEach(collect);
  // Something attached to a VPC's border (a transit gateway) goes in the VPC's gateway column: tied to
  // every AZ alike, so that the AZs keep their order.
  for (const e of model.edges.filter((x) => x.toBox)) {
    const vpc = boxById.get(e.toBox!)!;
    for (const az of vpc.boxes.filter((b) => b.kind === 'az' && b.boxes.length > 0)) invis(e.from, anchorOf(az.boxes[0]));
  }
  for (const e of model.edges) lines.push(`  ${edgeLine(e, e.toBox ? anchorOf(boxById.get(e.toBox)!) : e.to)}`);
  for (const l of layout) lines.push(`  ${l}`);
  lines.push('}');

  const images: DotImage[] = [
    ...[...icons].sort().map((i) => ({ name: `${NODE_IMAGE}${i}`, width: `${NODE_ICON_PX}px`, height: `${NODE_ICON_PX}px` })),
    ...[...groupIcons].sort().map((i) => ({ name: `${GROUP_IMAGE}${i}`, width: `${GROUP_ICON_PX}px`, height: `${GROUP_ICON_PX}px` })),
  ];
  return { dot: lines.join('\n') + '\n', images };
}

function edgeLine(e: DiagramEdge, to: string): string {
  const attrs: string[] = [];
  const color = e.crossAccount ? EDGE_COLORS.crossAccount
    : e.kind === 'internet' ? EDGE_COLORS.network
      : e.kind === 'vpn' || e.kind === 'directConnect' || e.kind === 'attachment' ? EDGE_COLORS.connectivity : EDGE_COLORS.flow;
  attrs.push(`color=${q(color)}`, `fontcolor=${q(color)}`);
  attrs.push(e.kind === 'logs' || e.kind === 'backup' ? 'style=dashed, penwidth=1.6' : 'penwidth=1.6');
  // xlabel, not label: edge labels would make Graphviz double the ranks (wide gaps between columns)
  if (e.label) attrs.push(`xlabel=${q(` ${e.label}${e.crossAccount ? ' (cross-account)' : ''} `)}`);
  if (e.bidirectional) attrs.push('dir=both');
  // an edge ending at a box border must not pull that box's first AZ out of order
  if (e.toBox) attrs.push(`lhead=${q(`cluster_${e.toBox}`)}`, 'constraint=false');
  attrs.push(`class=${q(`edge-${e.kind}${e.crossAccount ? ' cross-account' : ''}`)}`);
  return `${q(e.from)} -> ${q(to)} [${attrs.join(', ')}];`;
}

function graphLabel(model: DiagramModel): string {
  const legend = [
    `<FONT COLOR="${EDGE_COLORS.connectivity}">━━</FONT> network connectivity`,
    `<FONT COLOR="${EDGE_COLORS.network}">━━</FONT> internet`,
    `<FONT COLOR="${EDGE_COLORS.flow}">╍╍</FONT> data flow`,
    `<FONT COLOR="${EDGE_COLORS.crossAccount}">╍╍</FONT> cross-account data flow`,
  ].join('    ');
  return '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">'
    + `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="18"><B>${html(model.title)}</B></FONT></TD></TR>`
    + `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="10" COLOR="#545B64">${html(model.subtitle)}</FONT></TD></TR>`
    + `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="9">${legend}</FONT></TD></TR>`
    + '<TR><TD> </TD></TR></TABLE>';
}

function tooltip(n: DiagramNode): string {
  return n.resources.length > 0 ? n.resources.join('\n') : n.title;
}

/** A DOT double-quoted string. */
function q(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** Text for a Graphviz HTML-like label. */
function html(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
