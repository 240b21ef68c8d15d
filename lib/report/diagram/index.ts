/**
 * Architecture diagrams (Graphviz WebAssembly + resvg): loaded lazily, through one entry point.
 */
export { renderDiagrams, DiagramRenderOptions, RenderedDiagram } from './render';
export type { DiagramModel, DiagramBox, DiagramNode, DiagramEdge, VpcGrid, GridBand, GridCell, LegendFlow } from './model';
