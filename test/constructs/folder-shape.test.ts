/**
 * One folder shape for every construct: `props.ts` (the props interfaces: every prop readonly, documented, and
 * `@default` on the optional ones), `validation.ts` (reads the props' types and `constructs/core`, never a construct
 * file), the construct file named after the folder, `index.ts` (exporting the props) and `README.md` with the sections
 * every construct README has.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const CONSTRUCTS = path.join(__dirname, '..', '..', 'constructs');
const FOLDERS = fs.readdirSync(CONSTRUCTS, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'core').map((e) => e.name).sort();
const README_SECTIONS = ['What it builds', 'Default settings', 'What you can override', 'Checklist items it satisfies', 'Example', 'Acknowledgements'];

/** Floor-1 parts of `lib` a construct folder may read. */
const FLOOR_ONE = /^\.\.\/\.\.\/lib\/(aws|checklist|conventions)(\/[\w./-]+)?$/;
/** What each kind of file of a construct folder may import, besides packages (`aws-cdk-lib`, `constructs`, `fs`...). */
const ALLOWED_IMPORTS: Readonly<Record<string, readonly RegExp[]>> = {
  'props.ts': [/^\.\/defaults$/, /^\.\.\/core(\/[\w-]+)?$/, /^\.\.\/[\w-]+\/props$/, FLOOR_ONE],
  'defaults.ts': [/^\.\/props$/, /^\.\.\/core(\/[\w-]+)?$/, /^\.\.\/[\w-]+\/(props|defaults)$/, FLOOR_ONE],
  'validation.ts': [/^\.\/(props|defaults)$/, /^\.\.\/core(\/[\w-]+)?$/, /^\.\.\/[\w-]+\/(props|defaults|validation)$/, FLOOR_ONE],
};

function read(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf-8'), ts.ScriptTarget.ES2022, true);
}

function importsOf(source: ts.SourceFile): string[] {
  return source.statements
    .filter((s): s is ts.ImportDeclaration | ts.ExportDeclaration => (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) && s.moduleSpecifier !== undefined)
    .map((s) => (s.moduleSpecifier as ts.StringLiteral).text);
}

const isReadonly = (m: ts.TypeElement) => (ts.canHaveModifiers(m) ? ts.getModifiers(m) ?? [] : []).some((x) => x.kind === ts.SyntaxKind.ReadonlyKeyword);

/** The problems of one props file: members that are not readonly, undocumented, or optional without `@default`. */
function propsProblems(source: ts.SourceFile): string[] {
  const problems: string[] = [];
  const where = (node: ts.Node) => `${path.basename(source.fileName)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement)) continue;
    if (!ts.isInterfaceDeclaration(statement)) {
      problems.push(`${where(statement)}: props.ts declares only interfaces, type aliases and enums, found ${ts.SyntaxKind[statement.kind]}`);
      continue;
    }
    if (!ts.getJSDocCommentsAndTags(statement).length) problems.push(`${where(statement)}: interface ${statement.name.text} has no TSDoc`);
    for (const member of statement.members) {
      const name = `${statement.name.text}.${member.name?.getText(source) ?? '?'}`;
      if (!ts.isPropertySignature(member)) {
        problems.push(`${where(member)}: ${name} is not a property`);
        continue;
      }
      if (!isReadonly(member)) problems.push(`${where(member)}: ${name} is not readonly`);
      const docs = ts.getJSDocCommentsAndTags(member).filter(ts.isJSDoc);
      if (!docs.some((d) => typeof d.comment === 'string' ? d.comment.trim() : d.comment?.length)) problems.push(`${where(member)}: ${name} has no TSDoc`);
      if (member.questionToken && !ts.getJSDocTags(member).some((t) => t.tagName.text === 'default')) problems.push(`${where(member)}: ${name} is optional without @default`);
      // Inline object types: their fields are readonly too.
      member.type?.forEachChild(function visit(node): void {
        if (ts.isPropertySignature(node) && !isReadonly(node)) problems.push(`${where(node)}: ${name}.${node.name.getText(source)} is not readonly`);
        node.forEachChild(visit);
      });
    }
  }
  return problems;
}

/** The props types the constructs of a folder take (`constructor(scope, id, props: XProps)`). */
function constructorPropsTypes(folder: string): string[] {
  const out: string[] = [];
  for (const file of fs.readdirSync(path.join(CONSTRUCTS, folder)).filter((f) => f.endsWith('.ts'))) {
    const text = fs.readFileSync(path.join(CONSTRUCTS, folder, file), 'utf-8');
    for (const m of text.matchAll(/constructor\(\s*scope: Construct,\s*id: string,\s*props\??: (\w+)/g)) out.push(m[1]);
  }
  return out;
}

describe('every construct folder has one shape', () => {
  test('there are construct folders to check', () => {
    expect(FOLDERS).toEqual(expect.arrayContaining(['multi-az-vpc', 'cross-account-backup', 'runtime-controls']));
  });

  test.each(FOLDERS)('%s: props.ts, validation.ts, the construct file, index.ts (exporting the props) and README.md', (folder) => {
    // GIVEN
    const files = fs.readdirSync(path.join(CONSTRUCTS, folder));
    // THEN
    expect(files).toEqual(expect.arrayContaining(['props.ts', 'validation.ts', `${folder}.ts`, 'index.ts', 'README.md']));
    expect(fs.readFileSync(path.join(CONSTRUCTS, folder, `${folder}.ts`), 'utf-8')).toMatch(/export class \w+ extends Construct \{/);
    expect(importsOf(read(path.join(CONSTRUCTS, folder, 'index.ts')))).toContain('./props');
  });

  test.each(FOLDERS)('%s: every prop is readonly and documented, every optional prop has @default', (folder) => {
    expect(propsProblems(read(path.join(CONSTRUCTS, folder, 'props.ts')))).toEqual([]);
  });

  test.each(FOLDERS)('%s: every construct takes props declared in props.ts', (folder) => {
    // GIVEN
    const declared = read(path.join(CONSTRUCTS, folder, 'props.ts')).statements.filter(ts.isInterfaceDeclaration).map((i) => i.name.text);
    // THEN
    const taken = constructorPropsTypes(folder);
    expect(taken.length).toBeGreaterThan(0);
    expect(taken.filter((t) => !declared.includes(t))).toEqual([]);
  });

  test.each(FOLDERS)('%s: props.ts, defaults.ts and validation.ts import no construct file (so no loop through *Props)', (folder) => {
    // THEN
    for (const [file, allowed] of Object.entries(ALLOWED_IMPORTS)) {
      const full = path.join(CONSTRUCTS, folder, file);
      if (!fs.existsSync(full)) continue;
      const local = importsOf(read(full)).filter((s) => s.startsWith('.'));
      expect([file, local.filter((s) => !allowed.some((a) => a.test(s)))]).toEqual([file, []]);
    }
  });

  test.each(FOLDERS)('%s: README.md has the sections every construct README has', (folder) => {
    const headings = fs.readFileSync(path.join(CONSTRUCTS, folder, 'README.md'), 'utf-8').match(/^## .+$/gm) ?? [];
    for (const section of README_SECTIONS) expect([section, headings.some((h) => h.startsWith(`## ${section}`))]).toEqual([section, true]);
  });
});

describe('the shape check itself', () => {
  test('Noncompliance: a prop that is not readonly, undocumented, or optional without @default is reported', () => {
    // GIVEN
    const source = ts.createSourceFile('props.ts', [
      '/** Props. */',
      'export interface BadProps {',
      '  /** Documented, required. */',
      '  readonly good: string;',
      '  /** Not readonly. */',
      '  mutable: string;',
      '  readonly undocumented: string;',
      '  /** Optional without a default. */',
      '  readonly optional?: number;',
      '  /**',
      '   * An inline type.',
      '   * @default - none',
      '   */',
      '  readonly inline?: { key: string };',
      '}',
      'export class NotProps {}',
    ].join('\n'), ts.ScriptTarget.ES2022, true);
    // THEN
    expect(propsProblems(source)).toEqual([
      'props.ts:6: BadProps.mutable is not readonly',
      'props.ts:7: BadProps.undocumented has no TSDoc',
      'props.ts:9: BadProps.optional is optional without @default',
      'props.ts:14: BadProps.inline.key is not readonly',
      'props.ts:16: props.ts declares only interfaces, type aliases and enums, found ClassDeclaration',
    ]);
  });
});
