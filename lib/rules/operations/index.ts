// The operational excellence rules (checklist items 3.x). One rule per file; this list is the only registry.
export * from './NoInteractiveSessionIngress';
export * from './PipelineDeploys';
export * from './RunbookAndEscalationDefined';
