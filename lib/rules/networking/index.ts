// The networking category rules. One rule per file; this list is the only registry.
export * from './EnaInstanceType';
export * from './ApplianceUserDataBootstrap';
export * from './ApplianceFailoverPath';
export * from './ApplianceBehindLoadBalancer';
export * from './ApplianceCustomMetricsAlarmed';
export * from './FlowLogsQueryable';
export * from './NoOverlappingVpcCidrs';
export * from './VpnTerminatesOnAttachedGateway';
export * from './ScalingDeploymentInTemplate';
export * from './ApplianceReachesDownstreamElb';
