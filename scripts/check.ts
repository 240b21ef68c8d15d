// `npm run check` (and part of `npm test`): the static checks, on one TypeScript program built once:
//   1. the type check (what `tsc --noEmit` reports);
//   2. ESLint (eslint.config.mjs) with that program, so its typed rules cost no second type check;
//   3. the generated report schema: lib/report/checklist.schema.json and lib/report/SCHEMA.md are what
//      `npm run schema` writes from the report model, and every field of the model says what it means.
// Prints what fails; exits 1 when anything does.
import * as fs from 'fs';
import * as path from 'path';
import { ESLint } from 'eslint';
import * as ts from 'typescript';
import { reportSchema, SCHEMA_DOC, SCHEMA_FILE, schemaJson, schemaMarkdown, undocumentedFields } from './report-schema';

const ROOT = path.join(__dirname, '..');

function program(): ts.Program {
  const file = path.join(ROOT, 'tsconfig.json');
  const config = ts.readConfigFile(file, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT, undefined, file);
  return ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true } });
}

function typeCheck(p: ts.Program): string[] {
  const diagnostics = ts.getPreEmitDiagnostics(p);
  if (diagnostics.length === 0) return [];
  const host: ts.FormatDiagnosticsHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' };
  return [ts.formatDiagnosticsWithColorAndContext(diagnostics, host)];
}

async function lint(p: ts.Program): Promise<string[]> {
  const eslint = new ESLint({
    cwd: ROOT,
    overrideConfig: { languageOptions: { parserOptions: { programs: [p], projectService: false } } },
  });
  const results = await eslint.lintFiles(['.']);
  if (results.every((r) => r.errorCount === 0 && r.warningCount === 0)) return [];
  const formatter = await eslint.loadFormatter('stylish');
  return [await formatter.format(results)];
}

function generatedDocs(p: ts.Program): string[] {
  const schema = reportSchema(p);
  const problems: string[] = [];
  const stale = [[SCHEMA_FILE, schemaJson(schema)], [SCHEMA_DOC, schemaMarkdown(schema)]]
    .filter(([file, text]) => !fs.existsSync(file) || fs.readFileSync(file, 'utf-8') !== text)
    .map(([file]) => path.relative(ROOT, file));
  if (stale.length > 0) problems.push(`${stale.join(' and ')} ${stale.length === 1 ? 'is' : 'are'} not what the report model generates: run npm run schema`);
  const undocumented = undocumentedFields(schema);
  if (undocumented.length > 0) problems.push(`fields of the report model without TSDoc (lib/report/model.ts): ${undocumented.join(', ')}`);
  return problems;
}

async function main(): Promise<number> {
  const started = Date.now();
  const p = program();
  const problems = [...typeCheck(p)];
  // Lint and the schema read the program only when it type-checks (a type error makes their findings noise).
  if (problems.length === 0) problems.push(...(await lint(p)), ...generatedDocs(p));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\ncheck: failed (types, lint, generated report schema; ${seconds} s)\n`);
    return 1;
  }
  process.stdout.write(`check: types, lint and the generated report schema are clean (${p.getRootFileNames().length} files, ${seconds} s)\n`);
  return 0;
}

if (require.main === module) {
  main().then((code) => { process.exitCode = code; }, (e: unknown) => {
    process.stderr.write(`check: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  });
}
