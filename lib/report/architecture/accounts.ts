import * as fs from 'fs';
import * as path from 'path';

/** Names of AWS accounts by their 12-digit id, e.g. `{ '222222222222': 'Audit / log archive' }`. */
export type AccountNames = { readonly [account: string]: string };

/** `cdk.json` context key of an explicit map of account names. */
export const ACCOUNT_NAMES_CONTEXT_KEY = 'cdk-competency:accountNames';

const ACCOUNT_ID = /^\d{12}$/;

/** Role words of `<role>Account` config keys, as a reviewer reads them. */
const ROLE_TITLES: { readonly [role: string]: string } = {
  management: 'Management',
  audit: 'Audit / log archive',
  logArchive: 'Log archive',
  log: 'Log archive',
  security: 'Security',
  workload: 'Workload',
  dr: 'DR',
  disasterRecovery: 'DR',
  backup: 'Backup',
  network: 'Network',
  sharedServices: 'Shared services',
};

/**
 * The account names an app's `cdk.json` gives: the explicit map under `cdk-competency:accountNames`, and the
 * role of every `<role>Account: '<12-digit id>'` entry of a context object (the reference app's
 * `cdk-competency:reference` names its management, audit, workload and DR accounts so). The explicit map wins.
 * Nothing (an empty map) when there is no `cdk.json` or it names no account; a `cdk.json` that is not JSON is
 * ignored too: the CDK CLI reports that itself.
 */
export function accountNamesFromCdkJson(file: string): AccountNames {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf-8'));
  } catch {
    return {};
  }
  const context = isObject(json) && isObject(json.context) ? json.context : {};
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(context)) {
    if (key === ACCOUNT_NAMES_CONTEXT_KEY || !isObject(value)) continue;
    for (const [field, id] of Object.entries(value)) {
      const m = /^(.+)Account$/.exec(field);
      if (m && typeof id === 'string' && ACCOUNT_ID.test(id) && !out[id]) out[id] = roleTitle(m[1]);
    }
  }
  const explicit = context[ACCOUNT_NAMES_CONTEXT_KEY];
  if (isObject(explicit)) {
    for (const [id, name] of Object.entries(explicit)) if (ACCOUNT_ID.test(id) && typeof name === 'string' && name.trim()) out[id] = name.trim();
  }
  return out;
}

/**
 * The `cdk.json` of the app that synthesized an assembly: next to the top-level `cdk.out` (the assembly directory
 * itself, or the parent of a stage's nested `assembly-<Stage>`). Undefined when there is none.
 */
export function cdkJsonOf(assemblyDir: string): string | undefined {
  let dir = path.resolve(assemblyDir);
  if (/^assembly-/.test(path.basename(dir)) && fs.existsSync(path.join(path.dirname(dir), 'manifest.json'))) dir = path.dirname(dir);
  const file = path.join(path.dirname(dir), 'cdk.json');
  return fs.existsSync(file) ? file : undefined;
}

/** `managementAccount` → `Management`, `sharedServicesAccount` → `Shared services`. */
export function roleTitle(role: string): string {
  const known = ROLE_TITLES[role];
  if (known) return known;
  const words = role.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Checks an account-name map given by a user (`accountNames` of the pack, `--account-names` of the CLI): keys are
 * 12-digit account ids, values non-empty text. Returns the problems, one line each (empty when valid).
 */
export function accountNamesProblems(names: unknown, what: string): string[] {
  if (!isObject(names)) return [`${what} must be an object of 12-digit account id → name, got ${JSON.stringify(names)}`];
  const out: string[] = [];
  for (const [id, name] of Object.entries(names)) {
    if (!ACCOUNT_ID.test(id)) out.push(`${what}: '${id}' is not a 12-digit account id`);
    if (typeof name !== 'string' || !name.trim()) out.push(`${what}: the name of account ${id} must be non-empty text, got ${JSON.stringify(name)}`);
  }
  return out;
}

/**
 * Parses `--account-names 111111111111=Management,222222222222=Audit / log archive`.
 * @throws Error naming the malformed entry
 */
export function parseAccountNames(value: string): AccountNames {
  const out: Record<string, string> = {};
  for (const entry of value.split(',').map((e) => e.trim()).filter(Boolean)) {
    const eq = entry.indexOf('=');
    const id = eq > 0 ? entry.slice(0, eq).trim() : '';
    const name = eq > 0 ? entry.slice(eq + 1).trim() : '';
    if (!ACCOUNT_ID.test(id) || !name) throw new Error(`'--account-names' entries look like 111111111111=Management, got '${entry}'`);
    if (out[id]) throw new Error(`'--account-names' names account ${id} twice`);
    out[id] = name;
  }
  return out;
}

function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
