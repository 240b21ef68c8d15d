// `npm run schema`: writes lib/report/checklist.schema.json (the JSON Schema of checklist.json, generated from the
// report model's types and their TSDoc) and lib/report/SCHEMA.md (generated from that schema, the registry of report
// formats and the verdict rules of lib/report/collect/status.ts). `npm test` fails when either is stale.
import * as fs from 'fs';
import * as path from 'path';
import { Config, createFormatter, createParser, DEFAULT_CONFIG, SchemaGenerator } from 'ts-json-schema-generator';
import * as ts from 'typescript';
import { REPORT_FORMATS } from '../lib/report/render/formats';
import { REPORT_SCHEMA_VERSION } from '../lib/report/model';

const ROOT = path.join(__dirname, '..');
export const MODEL_FILE = path.join(ROOT, 'lib', 'report', 'model.ts');
export const SCHEMA_FILE = path.join(ROOT, 'lib', 'report', 'checklist.schema.json');
export const SCHEMA_DOC = path.join(ROOT, 'lib', 'report', 'SCHEMA.md');
const STATUS_FILE = path.join(ROOT, 'lib', 'report', 'collect', 'status.ts');

interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly $ref?: string;
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly properties?: { readonly [name: string]: JsonSchema };
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly description?: string;
  readonly definitions?: { readonly [name: string]: JsonSchema };
}

const CONFIG: Config = { path: MODEL_FILE, type: 'EvidenceReport', expose: 'export', topRef: true, jsDoc: 'extended', additionalProperties: false, skipTypeCheck: true, sortProps: false };

/** The JSON Schema of `checklist.json`, from the report model's types (a program that holds model.ts, or one made for it). */
export function reportSchema(program?: ts.Program): JsonSchema {
  const tsProgram = program ?? ts.createProgram([MODEL_FILE], { strict: true, skipLibCheck: true, noEmit: true });
  const config = { ...DEFAULT_CONFIG, ...CONFIG };
  return new SchemaGenerator(tsProgram, createParser(tsProgram, config), createFormatter(config), config).createSchema(CONFIG.type) as JsonSchema;
}

/** The schema file's text. */
export function schemaJson(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

const refName = (ref: string) => ref.replace('#/definitions/', '');
const anchor = (name: string) => name.toLowerCase();

/** A type, as the tables show it. */
function typeText(s: JsonSchema): string {
  if (s.$ref) return `[${refName(s.$ref)}](#${anchor(refName(s.$ref))})`;
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' | ');
  if (s.anyOf) return s.anyOf.map(typeText).join(' | ');
  if (s.type === 'array' && s.items) return `${typeText(s.items).includes(' ') ? `(${typeText(s.items)})` : typeText(s.items)}[]`;
  if (s.type === 'object' && s.properties) {
    const req = new Set(s.required ?? []);
    return `{ ${Object.entries(s.properties).map(([k, v]) => `${k}${req.has(k) ? '' : '?'}: ${typeText(v)}`).join(', ')} }`;
  }
  if (s.type === 'object' && typeof s.additionalProperties === 'object') return `{ [key]: ${typeText(s.additionalProperties)} }`;
  return Array.isArray(s.type) ? s.type.join(' | ') : String(s.type ?? 'any');
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n+/g, ' ');

/** The definitions in the order a reader meets them, from the top. */
function definitionOrder(schema: JsonSchema): string[] {
  const order: string[] = [];
  const visit = (s: JsonSchema | undefined): void => {
    if (!s) return;
    if (s.$ref) {
      const name = refName(s.$ref);
      if (order.includes(name)) return;
      order.push(name);
      visit(schema.definitions?.[name]);
      return;
    }
    s.anyOf?.forEach(visit);
    visit(s.items);
    if (typeof s.additionalProperties === 'object') visit(s.additionalProperties);
    Object.values(s.properties ?? {}).forEach(visit);
  };
  visit(schema);
  return order;
}

/** The leading doc comment of a module, as Markdown. */
function moduleDoc(file: string): string {
  const m = /^\/\*\*([\s\S]*?)\*\//.exec(fs.readFileSync(file, 'utf-8'));
  return (m?.[1] ?? '').split('\n').map((l) => l.replace(/^\s*\* ?/, '')).join('\n').trim();
}

/** Fields without a description (a generated doc must say what each field means). */
export function undocumentedFields(schema: JsonSchema): string[] {
  const out: string[] = [];
  for (const [name, def] of Object.entries(schema.definitions ?? {})) {
    for (const [field, s] of Object.entries(def.properties ?? {})) if (!s.description) out.push(`${name}.${field}`);
  }
  return out;
}

/** SCHEMA.md, generated from the schema. */
export function schemaMarkdown(schema: JsonSchema): string {
  const out: string[] = [
    `# \`checklist.json\` schema (schemaVersion ${REPORT_SCHEMA_VERSION})`,
    '',
    '<!-- Generated by `npm run schema` from the types of lib/report/model.ts (lib/report/checklist.schema.json), the',
    'report formats of lib/report/render/formats.ts and lib/report/collect/status.ts: edit those, not this file. -->',
    '',
    '`checklist.json` is the `EvidenceReport` of `lib/report/model.ts`, serialized with two-space indent; its JSON Schema',
    'is [`checklist.schema.json`](checklist.schema.json). Keys appear in the order below; arrays keep checklist order',
    '(items) or template order (resources). Optional fields (marked `?`) are **absent** (never `null`) when they do not',
    'apply. Any incompatible change bumps `schemaVersion`; adding an optional field does not.',
    '',
    '## The files of an evidence pack',
    '',
    '| file | what | evidence for |',
    '| --- | --- | --- |',
    ...REPORT_FORMATS.map((f) => `| ${cell(`\`${f.pattern}\``)} | ${cell(f.description)} | ${f.evidence ? `\`${f.evidence.item}\`` : ''} |`),
    '| `evidence-pack.json` | the pack\'s marker: every file with its SHA-256 (`cdk-competency verify` checks them) | |',
    '',
  ];
  for (const name of definitionOrder(schema)) {
    const def = schema.definitions![name];
    out.push(`## ${name}`, '');
    if (def.description) out.push(def.description, '');
    if (!def.properties) {
      out.push(typeText(def), '');
      continue;
    }
    const req = new Set(def.required ?? []);
    out.push('| field | type | meaning |', '| --- | --- | --- |');
    for (const [field, s] of Object.entries(def.properties)) {
      out.push(`| \`${field}\`${req.has(field) ? '' : '?'} | ${cell(typeText(s))} | ${cell(s.description ?? '')} |`);
    }
    out.push('');
  }
  out.push('## How a verdict is decided', '', moduleDoc(STATUS_FILE), '');
  return out.join('\n');
}

if (require.main === module) {
  const schema = reportSchema();
  fs.writeFileSync(SCHEMA_FILE, schemaJson(schema));
  fs.writeFileSync(SCHEMA_DOC, schemaMarkdown(schema));
  const missing = undocumentedFields(schema);
  process.stdout.write(`schema: wrote ${path.relative(ROOT, SCHEMA_FILE)} and ${path.relative(ROOT, SCHEMA_DOC)}${missing.length ? `; fields without TSDoc: ${missing.join(', ')}` : ''}\n`);
}
