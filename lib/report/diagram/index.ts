export { renderDiagrams, renderModel, DiagramRenderOptions, RenderedDiagram } from './render';
export { buildDiagramModel, diagramStages } from './build-model';
export { toDot } from './dot';
export * from './model';
export { RESOURCE_KINDS, ResourceKind } from './icon-table';
