/**
 * The evidence pack a partner hands the auditor: collect (assembly + synth findings + runtime controls +
 * attestations) → renderers (md, html, csv, json, diagrams, deployment guide) → the `cdk-competency` CLI.
 */
export { AttestationsError, ReportInputError } from './errors';
export { generateEvidencePack, GenerateEvidencePackOptions, EvidencePack, DiagramRenderer, DiagramContext, PackDiagram } from './pack';
export { describeArchitecture, Architecture, Flow, FlowStep, FlowLink, FlowEnd, FlowKind, AccountNames } from './architecture';
export { collectEvidence, CollectOptions, appViewOf, stageOf, attestationRequired } from './collect';
export * from './model';
export { parseAttestations, readAttestationsFile, Attestation, AttestationSet, ATTESTATION_FIELDS } from './attestations/parse';
export { attestationsTemplate } from './attestations/template';
export { renderMarkdown } from './render/markdown';
export { renderHtml } from './render/html';
export { renderCsv } from './render/csv';
export { renderJson } from './render/json';
export { renderDeploymentGuide } from './render/deployment-guide';
export { REPORT_FORMATS, ReportFormat, PackModel, DrawnDiagram, renderPack } from './render/formats';
export { renderPackIndexHtml, renderPackIndexMarkdown, IndexedPack } from './render/pack-index';
export { MONTHLY_COSTS } from './render/costs';
export { loadAssembly, AssemblyError, LoadedAssembly, SynthError } from './assembly';
export { verifyPack, formatVerification, PackVerification, VerifiedFile } from './verify';
export { PACK_MARKER, PackManifest } from './out-dir';
