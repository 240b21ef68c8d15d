/**
 * HARDENING.md restates data the hardening suite holds: how many constructs are fuzzed, the cfn-guard allowlist (its
 * size, its open findings, its controls). Those statements are checked here; the dated figures of a run (cases,
 * findings, the mutation check's result) are a record of that run, re-measured by hand.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CFN_GUARD_ALLOWLIST } from './cfn-guard-allowlist';

const DOC = fs.readFileSync(path.join(__dirname, '..', '..', 'HARDENING.md'), 'utf-8');

/** `CT.S3.PR.2, PR.5, PR.10` → the three control ids. */
function controlsOf(cell: string): string[] {
  const out: string[] = [];
  let prefix = '';
  for (const part of cell.split(',').map((p) => p.trim())) {
    const full = /^(CT\.[A-Z0-9]+)\.(PR\.\d+)$/.exec(part);
    if (full) {
      prefix = full[1];
      out.push(part);
    } else if (/^PR\.\d+$/.test(part) && prefix) {
      out.push(`${prefix}.${part}`);
    }
  }
  return out;
}

describe('HARDENING.md states what the suite holds', () => {
  test('the number of fuzzed constructs is the number of fuzz suites', () => {
    const suites = fs.readdirSync(__dirname).filter((f) => f.endsWith('.fuzz.test.ts'));
    expect(/\| (\d+) constructs; typed faults/.exec(DOC)?.[1]).toBe(String(suites.length));
  });

  test('the allowlist\'s size, open findings and controls are those of cfn-guard-allowlist.ts', () => {
    const m = /(\d+)-entry allowlist \((\d+) of them open findings\)/.exec(DOC);
    expect(m?.slice(1)).toEqual([String(CFN_GUARD_ALLOWLIST.length), String(CFN_GUARD_ALLOWLIST.filter((a) => a.reason.includes('OPEN FINDING')).length)]);
    const table = DOC.slice(DOC.indexOf('| Control | Resources | Why |'));
    const documented = new Set(table.split('\n').slice(2).filter((l) => l.startsWith('| CT.')).flatMap((l) => controlsOf(l.split('|')[1])));
    expect([...documented].sort()).toEqual([...new Set(CFN_GUARD_ALLOWLIST.map((a) => a.control))].sort());
  });
});
