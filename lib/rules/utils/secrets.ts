import { AppView } from '../rule';
import { DeployTimeValue, dynamicReference, isIntrinsic, isSecretAttribute, isTrue, ResourceValue, Text } from '../../aws';

/** Names that hold a secret: password, secret, token, credential, API key, private key. */
const SECRET_WORD = /(password|passwd|passphrase|secret|token|credential|api[-_]?key|private[-_]?key)/i;
/** ...unless the name designates where the secret is, or describes it (`DB_SECRET_ARN`, `TOKEN_TTL`). */
const REFERENCE_SUFFIX = /(arn|name|id|path|param|parameter|url|uri|endpoint|header|region|ttl|expiry|expiration|length|file|type|version|field|enabled|location)$/i;

/** Whether a variable, key or parameter name looks like it holds a secret value. */
export function isSecretName(name: string): boolean {
  const last = name.split('/').filter((s) => s !== '').pop() ?? name;
  return SECRET_WORD.test(last) && !REFERENCE_SUFFIX.test(last.replace(/[-_.]+$/, ''));
}

/**
 * Names of the settings that hold a credential for calling AWS: the SDKs' and CLI's environment variables and profile
 * keys (`AWS_SECRET_ACCESS_KEY`, `aws_access_key_id`, `AWS_SESSION_TOKEN`) and their camel-case forms (`secretAccessKey`).
 */
const AWS_CREDENTIAL_NAME = /^(?:aws[-_.]?(?:secret[-_.]?access[-_.]?key|access[-_.]?key[-_.]?id|session[-_.]?token)|secret[-_.]?access[-_.]?key|access[-_.]?key[-_.]?id)$/i;

/** What every name {@link AWS_CREDENTIAL_NAME} accepts contains. */
const AWS_CREDENTIAL_HINT = /access|session/i;

/** Whether a variable, key or parameter name designates a credential for calling AWS (the last segment of a path). */
export function isAwsCredentialName(name: string): boolean {
  const last = name.split('/').filter((s) => s !== '').pop() ?? name;
  return AWS_CREDENTIAL_NAME.test(last);
}

/** An AWS access key id (long-term `AKIA`, temporary `ASIA`). */
const ACCESS_KEY_ID = /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/;
/** A 40-character base64 string (the shape of an AWS secret access key) shortly after a secret-ish word. */
const SECRET_ACCESS_KEY = /(?:secret|aws_secret_access_key|secretkey|secret_key)[^\n]{0,30}?(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/i;
const PRIVATE_KEY = /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/;
/**
 * `NAME=value` / `NAME: value` / `"name":"value"` with a secret-ish name and a literal value (not `$VAR`, `$(cmd)`, a
 * dynamic reference or a template placeholder). A value ends at white space, a quote, `;` or `&` (connection strings,
 * query strings). A name starts where no letter or `_` precedes it: a match found from inside a word would be found from
 * its first letter too, so the search does not try every letter of every word again (the same matches, in linear time).
 */
const ASSIGNMENT = /(?<![A-Za-z_])([A-Za-z_][A-Za-z0-9_]*)["']?\s*[:=]\s*["']?([^\s"'$`{<;&][^\s"';&]*)/g;
/** A connection string's password (`Server=db;User Id=sa;Password=...;`, `...;PWD=...`). */
const CONNECTION_STRING_PASSWORD = /(?:^|;)\s*(password|pwd)\s*=\s*([^;]*)/gi;
/** Credentials in a URL: `scheme://user:password@host`. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*):\/\/([^\s/:@]*):([^\s/@]+)@/gi;

/** Stands, in scanned text, for a template parameter that is not NoEcho (`\u0001<name>\u0001`). */
const PARAMETER_MARK = /^\u0001([^\u0001]+)\u0001/;
/** Stands, in scanned text, for an attribute that returns a secret (`\u0002<what>\u0002`). */
const SECRET_MARK = /\u0002([^\u0002]+)\u0002/;

/** Whether a literal is a dynamic reference (`{{resolve:secretsmanager:...}}`, `{{resolve:ssm-secure:...}}`...). */
export function isDynamicReference(v: string): boolean {
  return /^\{\{resolve:[a-z-]+:/.test(v);
}

/** Whether a literal value of a secret-ish name is a secret rather than a reference or a flag. */
export function isSecretValue(v: string): boolean {
  const s = v.trim();
  return s !== '' && !isDynamicReference(s) && !/^arn:/.test(s) && !/^(true|false|yes|no|on|off|none|null|\d+)$/i.test(s);
}

/** Shows the shape of a secret without disclosing it (reasons end up in reports). */
export function mask(v: string): string {
  return `'${v.slice(0, 4)}…' (${v.length} characters)`;
}

/** What a secret-position value (after `Password=`, in a URL's password) is, or undefined when it is a reference. */
function secretSlot(value: string, what: string): string | undefined {
  const param = PARAMETER_MARK.exec(value);
  if (param) return `${what} from template parameter ${param[1]}, which is not NoEcho (the console and DescribeStacks show its value)`;
  if (!isSecretValue(value) || /^[$<%{]/.test(value)) return undefined;
  return `a literal ${what} ${mask(value)}`;
}

/**
 * The first credential found in free text (user data, a parameter value), described without disclosing it. With
 * `awsOnly`, only credentials for calling AWS: access keys, secret attributes, assignments to AWS credential names.
 */
export function credentialInText(text: string, awsOnly = false): string | undefined {
  const secret = SECRET_MARK.exec(text);
  if (secret) return secret[1];
  const key = ACCESS_KEY_ID.exec(text);
  if (key) return `an AWS access key id ${mask(key[0])}`;
  if (SECRET_ACCESS_KEY.test(text)) return 'an AWS secret access key (40-character base64 string after a secret-ish name)';
  // Each pattern below is tried only when the text holds what any of its matches must hold (every AWS credential name
  // has `access` or `session`, every secret name a word of SECRET_WORD, every URL with credentials `://` and `@`): the
  // same answers, without running them over every ARN and name of a template.
  if (awsOnly) {
    if (!AWS_CREDENTIAL_HINT.test(text)) return undefined;
    for (const m of text.matchAll(ASSIGNMENT)) {
      const found = isAwsCredentialName(m[1]) ? secretSlot(m[2], `value for ${m[1]}`) : undefined;
      if (found) return found;
    }
    return undefined;
  }
  if (PRIVATE_KEY.test(text)) return 'a PEM private key';
  if (text.includes(';')) {
    for (const m of text.matchAll(CONNECTION_STRING_PASSWORD)) {
      const found = secretSlot(m[2].trim(), `connection string ${m[1]}`);
      if (found) return found;
    }
  }
  if (text.includes('://') && text.includes('@')) {
    for (const m of text.matchAll(URL_CREDENTIALS)) {
      const found = secretSlot(m[3], `password in a ${m[1]}:// URL`);
      if (found) return found;
    }
  }
  if (!SECRET_WORD.test(text)) return undefined;
  for (const m of text.matchAll(ASSIGNMENT)) {
    if (!isSecretName(m[1])) continue;
    const found = secretSlot(m[2], `value for ${m[1]}`);
    if (found) return found;
  }
  return undefined;
}

/**
 * The literal text of a raw value: the string itself, or the literal parts of `Fn::Join`, `Fn::Sub`,
 * `Fn::Base64`... (references contribute nothing). For names (parameter names built with intrinsics).
 */
export function literalTexts(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap((x) => literalTexts(x));
  if (!v || typeof v !== 'object') return [];
  if (isIntrinsic(v) && ('Ref' in v || 'Fn::GetAtt' in v || 'Fn::ImportValue' in v)) return [];
  return Object.values(v).flatMap((x) => literalTexts(x));
}

/** The template parameter a deploy-time value stands for, with whether it is NoEcho and its default. */
export function parameterOf(app: AppView, v: DeployTimeValue): { readonly noEcho: boolean; readonly defaultValue?: unknown } | undefined {
  if (v.kind !== 'parameter') return undefined;
  const p = app.resolver.stack(v.stack)?.template.Parameters?.[v.name] as { NoEcho?: unknown; Default?: unknown } | undefined;
  if (!p) return undefined;
  return { noEcho: isTrue(p.NoEcho), defaultValue: p.Default };
}

/** A secret attribute (`Fn::GetAtt AccessKey.SecretAccessKey`), described; undefined for any other value. */
export function secretAttribute(v: unknown): string | undefined {
  if (!(v instanceof ResourceValue) || !isSecretAttribute(v.resource.type, v.attribute)) return undefined;
  return `the ${v.attribute} of ${v.resource.path} (${v.resource.type}), a secret CloudFormation then shows in plain text`;
}

/** A base64 literal (`UserData` given pre-encoded), decoded; undefined when it is not base64. */
function decodedBase64(v: string): string | undefined {
  return v.length >= 8 && v.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(v) ? Buffer.from(v, 'base64').toString('utf8') : undefined;
}

/**
 * The texts of a resolved value to scan for credentials: literals as they are (base64 literals also decoded when
 * `base64` is set), a joined text with each part known only at deploy time replaced by a placeholder (a reference is
 * not a credential), the default of a parameter (it is written in the template), a marker for a parameter that is not
 * NoEcho and for an attribute that returns a secret (see {@link credentialInText}).
 */
export function scanTexts(app: AppView, v: unknown, base64 = false, secretAttributes = true): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') {
    const decoded = base64 ? decodedBase64(v) : undefined;
    return decoded !== undefined ? [v, decoded] : [v];
  }
  if (typeof v === 'number' || typeof v === 'boolean') return [];
  if (v instanceof Text) return [v.parts.map((p) => (typeof p === 'string' ? p : placeholder(app, p, secretAttributes))).join('')];
  if (v instanceof ResourceValue || v instanceof DeployTimeValue) {
    const text = placeholder(app, v, secretAttributes);
    return text.startsWith('${') ? [] : [text];
  }
  if (Array.isArray(v)) return v.flatMap((x) => scanTexts(app, x, base64, secretAttributes));
  if (typeof v === 'object') return Object.values(v).flatMap((x) => scanTexts(app, x, base64, secretAttributes));
  return [];
}

function placeholder(app: AppView, p: ResourceValue | DeployTimeValue, secretAttributes: boolean): string {
  const secret = secretAttributes ? secretAttribute(p) : undefined;
  if (secret) return `\u0002${secret}\u0002`;
  if (p instanceof DeployTimeValue) {
    const param = parameterOf(app, p);
    if (param?.defaultValue !== undefined && typeof param.defaultValue === 'string') return param.defaultValue;
    if (param && !param.noEcho) return `\u0001${p.name}\u0001`;
  }
  return '${REF}';
}

/**
 * What is wrong with the value of a property that holds a credential (a database master password, a directory
 * password, an auth token): a literal, a text built around literal parts, a parameter that is not NoEcho or that
 * has a default; undefined for a dynamic reference (`{{resolve:secretsmanager:...}}`, `{{resolve:ssm-secure:...}}`,
 * `{{resolve:ssm:...}}`), a NoEcho parameter without default, or another resource's value. `unverifiable` is set for
 * a value only known at deploy time whose origin cannot be told.
 */
export function hardCodedCredential(app: AppView, v: unknown): { readonly reason?: string; readonly unverifiable?: unknown } {
  if (v === undefined || v === null) return {};
  if (typeof v === 'string' || typeof v === 'number') {
    const text = String(v);
    if (dynamicReference(text)) return {};
    return { reason: `a literal value ${mask(text)}` };
  }
  if (v instanceof Text) {
    const first = v.parts[0];
    if (typeof first === 'string' && dynamicReference(first)) return {};
    const literal = v.literals().join('').trim();
    if (literal !== '') return { reason: `a value built around the literal text ${mask(literal)}` };
    for (const p of v.parts) {
      const found = p instanceof DeployTimeValue ? hardCodedCredential(app, p) : {};
      if (found.reason || found.unverifiable !== undefined) return found;
    }
    return {};
  }
  if (v instanceof DeployTimeValue) {
    const param = parameterOf(app, v);
    if (!param) return v.kind === 'parameter' ? { unverifiable: v } : {};
    if (!param.noEcho) return { reason: `template parameter ${v.name}, which is not NoEcho (the console and DescribeStacks show its value)` };
    if (param.defaultValue !== undefined) return { reason: `template parameter ${v.name}, whose default is written in the template` };
    return {};
  }
  return {};
}

