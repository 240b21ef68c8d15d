import { asList, isIntrinsic } from '../../aws';

/** Flattens user data (`Fn::Base64` of a string, `Fn::Join`, `Fn::Sub`, base64 literal) into its literal text; `complete` is false when parts are unknown. */
export function userDataText(v: unknown): { text: string; complete: boolean } {
  const parts: string[] = [];
  let complete = true;
  const walk = (x: unknown): void => {
    if (typeof x === 'string') parts.push(x);
    else if (typeof x === 'number') parts.push(String(x));
    else if (isIntrinsic(x) && 'Fn::Base64' in x) walk(x['Fn::Base64']);
    else if (isIntrinsic(x) && 'Fn::Join' in x && Array.isArray(x['Fn::Join'])) asList(x['Fn::Join'][1]).forEach(walk);
    else if (isIntrinsic(x) && 'Fn::Sub' in x) walk(Array.isArray(x['Fn::Sub']) ? x['Fn::Sub'][0] : x['Fn::Sub']);
    else if (x !== undefined) complete = false;
  };
  if (typeof v === 'string' && /^[A-Za-z0-9+/]+={0,2}$/.test(v) && v.length % 4 === 0) parts.push(Buffer.from(v, 'base64').toString('utf8'));
  else walk(v);
  return { text: parts.join(''), complete };
}

/**
 * Whether user data does nothing: absent, blank, or only the empty wrappers CDK writes by default
 * (`#!/bin/bash` for Linux, `<powershell></powershell>` for Windows). Undefined when parts are unknown at synth
 * and the known parts are empty.
 */
export function isEmptyUserData(v: unknown): boolean | undefined {
  if (v === undefined || v === null) return true;
  const { text, complete } = userDataText(v);
  const rest = text.replace(/^#!\S*/, '').replace(/<persist>\s*(true|false)\s*<\/persist>/gi, '').replace(/<\/?(powershell|script)>/gi, '').trim();
  if (rest !== '') return false;
  return complete ? true : undefined;
}
