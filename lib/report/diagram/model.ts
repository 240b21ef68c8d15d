/**
 * The diagram as data, before layout: nested boxes (account → region → [stack] → VPC, plus "Customer network" and
 * "Outside this app"); a VPC holds a grid of Availability Zone lanes × subnet tiers, where resources that span
 * AZs are bands across the lanes they cover; icon nodes; numbered flow arrows and the legend that lists them.
 * Built by `buildDiagramModel` (one stage) or `buildOverviewModel` (the whole app), turned into DOT by `toDot`.
 */
import { FlowMedium } from '../architecture';

export type BoxKind = 'account' | 'region' | 'stack' | 'vpc' | 'onPremises' | 'external';

/** One icon in the diagram: a resource, or several resources of one kind that do the same thing (`count` > 1). */
export interface DiagramNode {
  /** Stable id, unique in the diagram. */
  readonly id: string;
  /** Icon path relative to `aws-icons/icons/`. */
  readonly icon: string;
  /** First label line, e.g. `S3 bucket` or `Config rules ×8`. */
  readonly title: string;
  /** Further label lines (a name, a CIDR, a capacity...). */
  readonly detail?: string;
  /** How many resources the icon stands for. */
  readonly count: number;
  /** CloudFormation type of the resources (`Internet` for the Internet, the type of an external thing otherwise). */
  readonly type: string;
  /** `<artifactId>/<logicalId>` of the resources it stands for (empty for Internet / external things). */
  readonly resources: readonly string[];
}

/** An Availability Zone: one vertical lane of a VPC. */
export interface GridLane {
  readonly id: string;
  /** `Availability Zone eu-west-1a`. */
  readonly title: string;
}

/** A subnet tier (a CDK subnet group, or subnets of one type): one horizontal row of a VPC. */
export interface GridTier {
  readonly id: string;
  readonly kind: 'public' | 'private' | 'isolated';
}

/** The subnet(s) of one tier in one lane, with the resources placed in them. */
export interface GridCell {
  readonly lane: string;
  readonly tier: string;
  /** Id of the cell's header node (a flow arrow that ends at the subnet ends there). */
  readonly id: string;
  /** `Public subnet`, `Private subnet app`. */
  readonly title: string;
  /** The CIDR block(s). */
  readonly detail?: string;
  /** Subnet resources of the cell. */
  readonly subnets: readonly string[];
  readonly nodes: DiagramNode[];
}

/** A resource (or group) placed in subnets of several lanes: drawn once, as a box across those lanes. */
export interface GridBand {
  readonly tier: string;
  /** Lanes it covers, first..last (consecutive in the grid). */
  readonly lanes: readonly string[];
  readonly node: DiagramNode;
}

/** The inside of a VPC: AZ lanes × subnet tiers. */
export interface VpcGrid {
  readonly lanes: readonly GridLane[];
  readonly tiers: readonly GridTier[];
  readonly cells: readonly GridCell[];
  readonly bands: readonly GridBand[];
}

/** A box (Graphviz cluster). */
export interface DiagramBox {
  /** Stable, hierarchical id, e.g. `acct-111111111111/eu-west-1/vpc-Network-Vpc8378EB38`. */
  readonly id: string;
  readonly kind: BoxKind;
  readonly title: string;
  readonly detail?: string;
  readonly boxes: DiagramBox[];
  readonly nodes: DiagramNode[];
  /** Sort key among siblings. */
  readonly order: string;
  /** A VPC's lanes and tiers (VPC boxes only). */
  grid?: VpcGrid;
  /** Nodes at the VPC's border: its internet and virtual private gateways (VPC boxes only). */
  readonly gateways?: DiagramNode[];
}

/** One arrow: one or more numbered flow steps between two nodes (or a node and a box). */
export interface DiagramEdge {
  /** Node id, or a box id when {@link fromBox} is set. */
  readonly from: string;
  /** Node id, or a box id when {@link toBox} is set. */
  readonly to: string;
  /** The flow steps the arrow stands for, e.g. `['3b']`. */
  readonly steps: readonly string[];
  readonly medium: FlowMedium;
  /** The arrow crosses from one AWS account to another. */
  readonly crossAccount: boolean;
  /** The arrow ends at this box's border (a transit gateway attachment ends at the VPC). */
  readonly toBox?: string;
  readonly fromBox?: string;
  /** Traffic goes both ways. */
  readonly bidirectional?: boolean;
}

/** A flow as the legend lists it. */
export interface LegendFlow {
  readonly number: number;
  readonly title: string;
  readonly note?: string;
  readonly steps: readonly { readonly id: string; readonly text: string; readonly crossAccount: boolean }[];
}

export interface DiagramModel {
  /** The stage path (`''` for the top-level app), or `overview`. */
  readonly stage: string;
  readonly kind: 'stage' | 'overview';
  readonly title: string;
  readonly subtitle: string;
  /** Top-level boxes: on-premises first, then accounts, then "outside this app". */
  readonly boxes: readonly DiagramBox[];
  /** Top-level nodes (the Internet). */
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
  /** The numbered flows drawn, in order. */
  readonly legend: readonly LegendFlow[];
}
