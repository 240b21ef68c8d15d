// The Microsoft Workloads (operational optimization) category rules. One rule per file; this list is the only registry.
export * from './WindowsPatchBaseline';
export * from './WindowsMaintenanceWindow';
export * from './InventoryAssociation';
export * from './CloudWatchAgentConfigured';
