/**
 * The diagram as data, before layout: nested boxes (account → region → VPC → AZ → subnet, plus
 * "Customer network / on-premises" and "Outside this app"), icon nodes and edges. Built by
 * `buildDiagramModel`, turned into Graphviz DOT by `toDot`.
 */

export type BoxKind = 'account' | 'region' | 'vpc' | 'az' | 'public' | 'private' | 'isolated' | 'onPremises' | 'external';

/** One icon in the diagram: a resource, or several resources of one kind grouped (`count` > 1). */
export interface DiagramNode {
  /** Stable id, unique in the diagram. */
  readonly id: string;
  /** Icon path relative to `aws-icons/icons/`. */
  readonly icon: string;
  /** First label line, e.g. `S3 bucket` or `Config rules ×8`. */
  readonly title: string;
  /** Second label line (a name, a CIDR, an IP address...). */
  readonly detail?: string;
  /** How many resources the icon stands for. */
  readonly count: number;
  /** CloudFormation type of the resources (`Internet` for the Internet, the type of an external thing otherwise). */
  readonly type: string;
  /** `<artifactId>/<logicalId>` of the resources it stands for (empty for Internet / external things). */
  readonly resources: readonly string[];
}

/** A box (Graphviz cluster). */
export interface DiagramBox {
  /** Stable, hierarchical id, e.g. `acct-111111111111/eu-west-1/vpc-Network-Vpc8378EB38/az-1`. */
  readonly id: string;
  readonly kind: BoxKind;
  readonly title: string;
  readonly detail?: string;
  readonly boxes: DiagramBox[];
  readonly nodes: DiagramNode[];
  /** Sort key among siblings. */
  readonly order: string;
}

export type EdgeKind = 'internet' | 'vpn' | 'directConnect' | 'attachment' | 'logs' | 'backup';

export interface DiagramEdge {
  /** Node id. */
  readonly from: string;
  /** Node id, or the box id when {@link toBox} is set. */
  readonly to: string;
  readonly kind: EdgeKind;
  readonly label?: string;
  /** The edge crosses from one AWS account to another. */
  readonly crossAccount: boolean;
  /** The edge ends at this box's border (e.g. a transit gateway attachment ends at the VPC). */
  readonly toBox?: string;
  /** Draw the arrow both ways. */
  readonly bidirectional?: boolean;
}

export interface DiagramModel {
  /** The stage path ('' for the top-level app). */
  readonly stage: string;
  readonly title: string;
  readonly subtitle: string;
  /** Top-level boxes: on-premises first, then accounts, then "outside this app". */
  readonly boxes: readonly DiagramBox[];
  /** Top-level nodes (the Internet). */
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
}
