import * as fs from 'fs';
import * as path from 'path';
import { acknowledgementsFromStackMetadata } from './acknowledgements';
import { pathsFromStackMetadata, stackMetadataEntries } from './construct-path';
import { AssemblyError } from './errors';
import { readJsonFile } from './json';
import { CfnTemplate, pathsFromTemplate } from '../../aws';
import { AssemblyStack, LoadedAssembly, SynthError } from './types';

const STACK = 'aws:cloudformation:stack';
const ASSET_MANIFEST = 'cdk:asset-manifest';
const NESTED_STACK = 'AWS::CloudFormation::Stack';
const NESTED_ASSEMBLY = 'cdk:cloud-assembly';
const ENVIRONMENT = /^aws:\/\/([^/]+)\/([^/]+)$/;
const ERROR_METADATA = 'aws:cdk:error';
/** Written by aws-cdk-lib's validation of the synthesized templates, at the top of the assembly. */
const VALIDATION_REPORT = 'validation-report.json';

/** What reading the manifests gathers besides the stacks. */
interface Gathered {
  readonly stacks: AssemblyStack[];
  readonly stages: string[];
  readonly synthErrors: SynthError[];
  readonly files: string[];
  readonly nestedStacks: AssemblyStack[];
}

interface ManifestArtifact {
  readonly type?: unknown;
  readonly environment?: unknown;
  readonly properties?: { readonly [key: string]: unknown };
  readonly dependencies?: unknown;
  readonly displayName?: unknown;
  readonly metadata?: unknown;
  readonly additionalMetadataFile?: unknown;
}

/**
 * Reads a cloud assembly directory (`cdk.out`) and its nested Stage assemblies (`assembly-<Stage>/`).
 *
 * The manifest is read directly rather than through `cx-api`'s `CloudAssembly`, so that every kind of
 * bad input ends in a one-line {@link AssemblyError} naming the file, never in a schema dump or a
 * stack trace.
 *
 * @throws AssemblyError when the directory, its manifest or a template is missing or corrupt, or when
 *   the assembly has no stacks.
 */
export function loadAssembly(dir: string): LoadedAssembly {
  const root = path.resolve(dir);
  if (!isDirectory(root)) throw new AssemblyError(`cloud assembly not found: ${dir} (run 'cdk synth' first)`);
  // A stage's nested assembly (`cdk.out/assembly-<Stage>`) read on its own still belongs to that stage.
  const rootStage = parentStageOf(root);
  const g: Gathered = { stacks: [], stages: rootStage ? [rootStage] : [], synthErrors: [], files: [], nestedStacks: [] };
  readManifest(root, dir, rootStage, g);
  if (g.stacks.length === 0) throw new AssemblyError(`${dir} has no stacks`);
  // The validation report sits at the top of the whole assembly, which a nested stage assembly is part of.
  g.synthErrors.push(...validationErrors(rootStage ? path.dirname(root) : root, rootStage));
  return { dir: root, stacks: g.stacks, stages: g.stages, synthErrors: g.synthErrors, files: g.files, nestedStacks: g.nestedStacks };
}

function readManifest(absDir: string, shownDir: string, stage: string, g: Gathered): void {
  const { stacks, stages, nestedStacks } = g;
  const manifestFile = path.join(absDir, 'manifest.json');
  const shown = `${shownDir}/manifest.json`;
  const manifest = readJsonFile(manifestFile, shown, `cloud assembly not found: ${shownDir} has no manifest.json (run 'cdk synth' first)`);
  g.files.push(manifestFile);
  if (!isObject(manifest)) throw new AssemblyError(`${shown} is not a cloud assembly manifest (expected a JSON object)`);
  const artifacts = manifest.artifacts ?? {};
  if (!isObject(artifacts)) throw new AssemblyError(`${shown} is not a cloud assembly manifest ('artifacts' must be an object)`);

  const entries = Object.entries(artifacts as Record<string, ManifestArtifact>);
  const stackIds = new Set(entries.filter(([, a]) => a?.type === STACK).map(([id]) => id));
  const nested: Array<[string, ManifestArtifact]> = [];
  const here: AssemblyStack[] = [];
  for (const [id, artifact] of entries) {
    if (!isObject(artifact)) throw new AssemblyError(`${shown}: artifact ${id} is not an object`);
    g.synthErrors.push(...errorAnnotations(artifact.metadata));
    if (typeof artifact.additionalMetadataFile === 'string') {
      g.synthErrors.push(...errorAnnotations(readOptionalJson(absDir, artifact.additionalMetadataFile)));
      if (fs.existsSync(path.join(absDir, artifact.additionalMetadataFile))) g.files.push(path.join(absDir, artifact.additionalMetadataFile));
    }
    if (artifact.type === STACK) {
      const stack = readStack(absDir, shownDir, stage, id, artifact, stackIds);
      here.push(stack);
      g.files.push(stack.templateFile);
    }
    else if (artifact.type === NESTED_ASSEMBLY) nested.push([id, artifact]);
  }
  stacks.push(...here);
  const assetFiles = nestedTemplateFiles(absDir, entries);
  for (const stack of here) {
    const artifact = artifacts[stack.artifactId] as ManifestArtifact;
    const paths = [...stackMetadataEntries(artifact.metadata), ...stackMetadataEntries(readOptionalJson(absDir, artifact.additionalMetadataFile))];
    readNestedStacks(absDir, stack, assetFiles, paths, nestedStacks);
  }
  for (const n of nestedStacks) if (!g.files.includes(n.templateFile)) g.files.push(n.templateFile);
  for (const [id, artifact] of nested) {
    const dirName = artifact.properties?.directoryName;
    if (typeof dirName !== 'string') throw new AssemblyError(`${shown}: nested assembly ${id} has no directoryName`);
    const childStage = typeof artifact.properties?.displayName === 'string'
      ? artifact.properties.displayName
      : joinStage(stage, dirName.replace(/^assembly-/, ''));
    const childDir = path.join(absDir, dirName);
    if (!isDirectory(childDir)) throw new AssemblyError(`nested assembly ${dirName} of stage ${childStage} is missing in ${shownDir}`);
    stages.push(childStage);
    readManifest(childDir, `${shownDir}/${dirName}`, childStage, g);
  }
}

function readStack(
  absDir: string, shownDir: string, stage: string, id: string, artifact: ManifestArtifact, stackIds: ReadonlySet<string>,
): AssemblyStack {
  const templateName = artifact.properties?.templateFile;
  if (typeof templateName !== 'string') throw new AssemblyError(`stack ${id} in ${shownDir}/manifest.json has no templateFile`);
  const templateFile = path.join(absDir, templateName);
  const template = readJsonFile(templateFile, `template ${templateName}`, `template ${templateName} of stack ${id} is missing`);
  if (!isObject(template)) throw new AssemblyError(`template ${templateName} of stack ${id} is not a CloudFormation template (expected a JSON object)`);
  if (template.Resources !== undefined && !isObject(template.Resources)) {
    throw new AssemblyError(`template ${templateName} of stack ${id} is not a CloudFormation template ('Resources' must be an object)`);
  }
  const { account, region } = parseEnvironment(id, artifact.environment);
  const additional = readOptionalJson(absDir, artifact.additionalMetadataFile);
  const deps = Array.isArray(artifact.dependencies) ? artifact.dependencies : [];
  return {
    artifactId: id,
    displayName: typeof artifact.displayName === 'string' ? artifact.displayName : joinStage(stage, id),
    stackName: typeof artifact.properties?.stackName === 'string' ? artifact.properties.stackName : id,
    stage,
    account,
    region,
    templateFile,
    template: template as CfnTemplate,
    dependencies: deps.filter((d): d is string => typeof d === 'string' && stackIds.has(d)),
    constructPaths: {
      ...pathsFromStackMetadata(artifact.metadata),
      ...pathsFromStackMetadata(additional),
      ...pathsFromTemplate(template as CfnTemplate),
    },
    acknowledgements: [...acknowledgementsFromStackMetadata(artifact.metadata), ...acknowledgementsFromStackMetadata(additional)],
  };
}

/** The JSON files the asset manifests of a directory publish, by S3 object key: where nested stack templates are. */
function nestedTemplateFiles(absDir: string, entries: ReadonlyArray<[string, ManifestArtifact]>): Map<string, string> {
  const files = new Map<string, string>();
  for (const [, artifact] of entries) {
    if (artifact?.type !== ASSET_MANIFEST || typeof artifact.properties?.file !== 'string') continue;
    const manifest = readOptionalJson(absDir, artifact.properties.file) as { files?: Record<string, any> } | undefined;
    for (const asset of Object.values(manifest?.files ?? {})) {
      const source = asset?.source?.path;
      if (typeof source !== 'string' || !source.endsWith('.json')) continue;
      for (const destination of Object.values<any>(asset.destinations ?? {})) {
        if (typeof destination?.objectKey === 'string') files.set(destination.objectKey, source);
      }
    }
  }
  return files;
}

/**
 * The template file of a nested stack resource: its `aws:asset:path` metadata (written when asset metadata is on, as
 * by the CDK CLI), else the asset whose object key ends its `TemplateURL`.
 */
function nestedTemplateFile(resource: { readonly Metadata?: Record<string, any>; readonly Properties?: Record<string, any> }, assetFiles: ReadonlyMap<string, string>): string | undefined {
  const declared = resource.Metadata?.['aws:asset:path'];
  if (typeof declared === 'string') return declared;
  const url = resource.Properties?.TemplateURL;
  const parts = typeof url === 'string' ? [url] : Array.isArray(url?.['Fn::Join']?.[1]) ? url['Fn::Join'][1] : [];
  const last = parts[parts.length - 1];
  const key = typeof last === 'string' ? /([^/]+\.json)$/.exec(last)?.[1] : undefined;
  return key === undefined ? undefined : assetFiles.get(key);
}

/**
 * Reads the nested stacks of a stack (and theirs), when their templates are in the assembly directory. `paths` are the
 * (construct path, logical id) pairs of the top-level stack's metadata, which lists its nested stacks' resources too.
 */
function readNestedStacks(absDir: string, parent: AssemblyStack, assetFiles: ReadonlyMap<string, string>, paths: ReadonlyArray<[string, string]>, into: AssemblyStack[]): void {
  for (const [logicalId, resource] of Object.entries(parent.template.Resources ?? {})) {
    if (resource?.Type !== NESTED_STACK) continue;
    const file = nestedTemplateFile(resource, assetFiles);
    if (file === undefined) continue;
    const templateFile = path.join(absDir, file);
    if (!fs.existsSync(templateFile)) continue;
    const template = readJsonFile(templateFile, `template ${file}`, `template ${file} of nested stack ${logicalId} of ${parent.displayName} is missing`);
    if (!isObject(template) || (template.Resources !== undefined && !isObject(template.Resources))) {
      throw new AssemblyError(`template ${file} of nested stack ${logicalId} of ${parent.displayName} is not a CloudFormation template`);
    }
    // The nested stack resource's construct path is `<stack path>.NestedStack/<id>.NestedStackResource`.
    const resourcePath = parent.constructPaths[logicalId];
    const displayName = resourcePath?.includes('.NestedStack/') ? resourcePath.slice(0, resourcePath.indexOf('.NestedStack/')) : `${parent.displayName}/${logicalId}`;
    const stack: AssemblyStack = {
      artifactId: `${parent.artifactId}/${logicalId}`,
      displayName,
      stage: parent.stage,
      account: parent.account,
      region: parent.region,
      templateFile,
      template: template as CfnTemplate,
      dependencies: [],
      constructPaths: { ...nestedPaths(displayName, template as CfnTemplate, paths), ...pathsFromTemplate(template as CfnTemplate) },
      nestedIn: { artifactId: parent.artifactId, logicalId },
    };
    into.push(stack);
    readNestedStacks(absDir, stack, assetFiles, paths, into);
  }
}

/** Construct paths of a nested stack's resources: the metadata entries under its path with one of its logical ids (when unambiguous). */
function nestedPaths(stackPath: string, template: CfnTemplate, paths: ReadonlyArray<[string, string]>): Record<string, string> {
  const ids = new Set(Object.keys(template.Resources ?? {}));
  const found = new Map<string, string[]>();
  for (const [p, id] of paths) {
    if (!ids.has(id) || !p.startsWith(`${stackPath}/`)) continue;
    const list = found.get(id);
    if (list) list.push(p); else found.set(id, [p]);
  }
  return Object.fromEntries([...found].filter(([, list]) => list.length === 1).map(([id, [p]]) => [id, p]));
}

function parseEnvironment(id: string, env: unknown): { account?: string; region?: string } {
  if (env === undefined) return {};
  const m = typeof env === 'string' ? ENVIRONMENT.exec(env) : null;
  if (!m) throw new AssemblyError(`stack ${id} has an invalid environment ${JSON.stringify(env)} (expected aws://<account>/<region>)`);
  return {
    account: /^\d{12}$/.test(m[1]) ? m[1] : undefined,
    region: m[2] === 'unknown-region' || m[2].includes('${') ? undefined : m[2],
  };
}

/** The `aws:cdk:error` entries of an artifact's metadata (`{ "/Path": [{ type, data }] }`). */
function errorAnnotations(metadata: unknown): SynthError[] {
  if (!isObject(metadata)) return [];
  const out: SynthError[] = [];
  for (const [p, entries] of Object.entries(metadata)) {
    if (!Array.isArray(entries)) continue;
    for (const e of entries) {
      if (isObject(e) && e.type === ERROR_METADATA) {
        out.push({ source: 'annotation', path: p.replace(/^\//, ''), message: typeof e.data === 'string' ? e.data : JSON.stringify(e.data) });
      }
    }
  }
  return out;
}

/**
 * The violations of every validation plugin whose report concluded in failure, as aws-cdk-lib writes them
 * (`pluginReports[].violations[].violatingConstructs[].constructPath`); for a nested stage assembly, only
 * those of its stage.
 */
function validationErrors(topDir: string, stage: string): SynthError[] {
  const report = readOptionalJson(topDir, VALIDATION_REPORT);
  const plugins = isObject(report) && Array.isArray(report.pluginReports) ? report.pluginReports : [];
  const out: SynthError[] = [];
  for (const plugin of plugins) {
    if (!isObject(plugin) || plugin.conclusion !== 'failure' || !Array.isArray(plugin.violations)) continue;
    for (const v of plugin.violations) {
      if (!isObject(v) || (v.severity !== undefined && v.severity !== 'error' && v.severity !== 'fatal')) continue;
      const constructs = Array.isArray(v.violatingConstructs) && v.violatingConstructs.length > 0 ? v.violatingConstructs : [{}];
      for (const c of constructs) {
        const p = isObject(c) && typeof c.constructPath === 'string' ? c.constructPath.replace(/^\//, '') : '';
        if (stage && p && p !== stage && !p.startsWith(`${stage}/`)) continue;
        const rule = typeof v.ruleName === 'string' ? v.ruleName : 'violation';
        const what = typeof v.description === 'string' ? v.description : '';
        out.push({ source: 'validation', path: p, message: `${String(plugin.pluginName ?? 'validation plugin')}: ${rule}${what ? `: ${what}` : ''}` });
      }
    }
  }
  return out;
}

/** Stack metadata is optional evidence (construct paths): a missing or corrupt file is ignored. */
function readOptionalJson(dir: string, file: unknown): unknown {
  if (typeof file !== 'string') return undefined;
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf-8'));
  } catch {
    return undefined;
  }
}

/**
 * The stage whose nested assembly `dir` is, when the parent directory's manifest lists it as such
 * (a `cdk:cloud-assembly` artifact with this `directoryName`); '' otherwise.
 */
function parentStageOf(dir: string): string {
  try {
    const parent = JSON.parse(fs.readFileSync(path.join(path.dirname(dir), 'manifest.json'), 'utf-8'));
    for (const [id, a] of Object.entries<any>(parent?.artifacts ?? {})) {
      if (a?.type === 'cdk:cloud-assembly' && a?.properties?.directoryName === path.basename(dir)) {
        return typeof a.properties.displayName === 'string' ? a.properties.displayName : id;
      }
    }
  } catch {
    // No readable parent manifest: the directory is read as a top-level assembly.
  }
  return '';
}

function joinStage(stage: string, name: string): string {
  return stage ? `${stage}/${name}` : name;
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
