import { isIntrinsic } from '../../aws';

/** Names that hold a secret: password, secret, token, credential, API key, private key. */
const SECRET_WORD = /(password|passwd|passphrase|secret|token|credential|api[-_]?key|private[-_]?key)/i;
/** ...unless the name designates where the secret is, or describes it (`DB_SECRET_ARN`, `TOKEN_TTL`). */
const REFERENCE_SUFFIX = /(arn|name|id|path|param|parameter|url|uri|endpoint|header|region|ttl|expiry|expiration|length|file|type|version|field|enabled|location)$/i;

/** Whether a variable, key or parameter name looks like it holds a secret value. */
export function isSecretName(name: string): boolean {
  const last = name.split('/').filter((s) => s !== '').pop() ?? name;
  return SECRET_WORD.test(last) && !REFERENCE_SUFFIX.test(last.replace(/[-_.]+$/, ''));
}

/** An AWS access key id (long-term `AKIA`, temporary `ASIA`). */
const ACCESS_KEY_ID = /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/;
/** A 40-character base64 string (the shape of an AWS secret access key) shortly after a secret-ish word. */
const SECRET_ACCESS_KEY = /(?:secret|aws_secret_access_key|secretkey|secret_key)[^\n]{0,30}?(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/i;
const PRIVATE_KEY = /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/;
/** `NAME=value` / `NAME: value` with a secret-ish name and a literal value (not `$VAR`, `$(cmd)` or a dynamic reference). */
const ASSIGNMENT = /([A-Za-z_][A-Za-z0-9_]*)["']?\s*[:=]\s*["']?([^\s"'$`{][^\s"']*)/g;

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

/** The first credential found in free text (user data, a parameter value), described without disclosing it. */
export function credentialInText(text: string): string | undefined {
  const key = ACCESS_KEY_ID.exec(text);
  if (key) return `an AWS access key id ${mask(key[0])}`;
  if (SECRET_ACCESS_KEY.test(text)) return 'an AWS secret access key (40-character base64 string after a secret-ish name)';
  if (PRIVATE_KEY.test(text)) return 'a PEM private key';
  for (const m of text.matchAll(ASSIGNMENT)) {
    if (isSecretName(m[1]) && isSecretValue(m[2])) return `a literal value for ${m[1]} ${mask(m[2])}`;
  }
  return undefined;
}

/**
 * The literal text of a value: the string itself, or the literal parts of `Fn::Join`, `Fn::Sub`,
 * `Fn::Base64`... (references contribute nothing: they are not hard-coded). A literal that is base64
 * (`UserData` given pre-encoded) is decoded when `decodeBase64` is set.
 */
export function literalTexts(v: unknown, decodeBase64 = false): string[] {
  if (typeof v === 'string') {
    if (decodeBase64 && v.length >= 8 && v.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(v)) {
      return [v, Buffer.from(v, 'base64').toString('utf8')];
    }
    return [v];
  }
  if (Array.isArray(v)) return v.flatMap((x) => literalTexts(x));
  if (!v || typeof v !== 'object') return [];
  if (isIntrinsic(v) && ('Ref' in v || 'Fn::GetAtt' in v || 'Fn::ImportValue' in v)) return [];
  const join = isIntrinsic(v) ? (v['Fn::Join'] as any) : undefined;
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    // Join the literal parts around placeholders, drop dynamic references split by the join, split back.
    const text = join[1].map((p: unknown) => (typeof p === 'string' ? p : '\u0000')).join(join[0]).replace(/\{\{resolve:[^}]*\}\}/g, '');
    return [...text.split('\u0000'), ...join[1].filter((p: unknown) => typeof p !== 'string').flatMap((p: unknown) => literalTexts(p))];
  }
  return Object.values(v).flatMap((x) => literalTexts(x));
}
