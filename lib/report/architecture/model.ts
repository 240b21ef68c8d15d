/**
 * The architecture of an assembly as data, derived once per evidence pack and read by the diagrams, the HTML
 * report and the deployment guide: account names and the numbered flows (traffic, logs, alarms, backups...).
 */
import { AccountNames } from './accounts';

/** What a flow carries, in the order flows are numbered. */
export type FlowKind =
  | 'connectivity'
  | 'ingress'
  | 'inspection'
  | 'egress'
  | 'flow-logs'
  | 'central-logs'
  | 'log-archive'
  | 'audit-trail'
  | 'compliance'
  | 'events'
  | 'monitoring'
  | 'backup'
  | 'deployment';

/** Order of the kinds: network paths first, then logs, monitoring, backups, deployment. */
export const FLOW_KINDS: readonly FlowKind[] = [
  'connectivity', 'ingress', 'inspection', 'egress', 'flow-logs', 'central-logs', 'log-archive', 'audit-trail', 'compliance', 'events',
  'monitoring', 'backup', 'deployment',
];

/** One end of a step's arrow. */
export type FlowEnd =
  /** A resource of the assembly, by `<artifactId>/<logicalId>` (a subnet or a VPC stands for its box). */
  | { readonly kind: 'resource'; readonly key: string }
  | { readonly kind: 'internet' }
  /** Something the app only names (a bucket by name, a vault or destination by ARN, organizational units). */
  | {
    readonly kind: 'external';
    /** Stable id, unique in the architecture. */
    readonly id: string;
    /** CloudFormation type it would have (for its icon). */
    readonly type: string;
    readonly title: string;
    readonly detail?: string;
    /** Its account, when the ARN names one. */
    readonly account?: string;
    readonly region?: string;
  };

/** One arrow of a step. */
export interface FlowLink {
  readonly from: FlowEnd;
  readonly to: FlowEnd;
  /** Traffic goes both ways along this arrow (an appliance returns inspected traffic). */
  readonly bidirectional?: boolean;
}

/**
 * How a step travels: `traffic` is network traffic (a solid arrow), `data` is data a service delivers (logs,
 * metrics, recovery points: a dashed arrow), `control` is a management action (a dotted arrow).
 */
export type FlowMedium = 'traffic' | 'data' | 'control';

/** One numbered step of a flow: one or more arrows that do the same thing (one per AZ, one per log group...). */
export interface FlowStep {
  /** `3b`: flow 3, second step. */
  readonly id: string;
  /** The step in words, naming what it connects and how (listener ports, route destinations, retention...). */
  readonly text: string;
  readonly links: readonly FlowLink[];
  readonly medium: FlowMedium;
  /** Some arrow crosses from one AWS account to another. */
  readonly crossAccount: boolean;
  /**
   * Resources the words describe that the arrows stand for (listeners, target groups, subscription filters,
   * route tables, endpoint services): the diagram draws the arrow instead of an icon for them.
   */
  readonly via: readonly string[];
}

/** A numbered flow: a path through the architecture, in steps. */
export interface Flow {
  /** 1-based, unique in the pack. */
  readonly number: number;
  readonly kind: FlowKind;
  readonly title: string;
  /** The stage the flow starts in (`''` for top-level stacks): its diagram. */
  readonly stage: string;
  readonly steps: readonly FlowStep[];
  /** What the template leaves to others (e.g. no route table sends traffic to the inspection endpoints). */
  readonly note?: string;
}

/** The architecture of an assembly, as the pack's renderers share it. */
export interface Architecture {
  /** Account names (roles) known for the pack, by account id. */
  readonly accountNames: AccountNames;
  /** Every flow, numbered 1..n in diagram order (stage, then kind). */
  readonly flows: readonly Flow[];
}
