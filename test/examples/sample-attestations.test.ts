import * as fs from 'fs';
import { REFERENCE_DEPLOYMENTS } from '../../examples';
import { parseAttestations } from '../../lib/report';
import { attestedItems, sampleAttestations, sampleFile } from '../../scripts/sample-attestations';

describe.each(REFERENCE_DEPLOYMENTS.map((d) => [d.name, d] as const))('%s: competency-attestations.sample.yaml', (_name, d) => {
  const text = fs.existsSync(sampleFile(d)) ? fs.readFileSync(sampleFile(d), 'utf-8') : '';

  test('is what scripts/sample-attestations.ts writes for the current checklist data (else: npm run attestations:samples)', () => {
    expect(text).toBe(sampleAttestations(d));
  });

  test('parses, and holds one entry for every item of the claims a person attests', () => {
    const set = parseAttestations(text, { file: sampleFile(d), now: new Date() });
    expect([...set.entries.keys()]).toEqual(attestedItems(d).map((i) => i.id));
  });

  test('every entry is marked SAMPLE and attested by a role, never a person', () => {
    expect(text).toMatch(/^# SAMPLE: NOT REAL\./m);
    for (const a of parseAttestations(text, { file: 'x', now: new Date() }).entries.values()) {
      expect(a.attestedBy).toMatch(/^SAMPLE - [A-Z][\w ,]+ \(a role, not a real person\)$/);
      expect(a.evidence).toMatch(/^https:\/\/wiki\.example\.com\/SAMPLE\//);
      expect(a.notes).toMatch(/^SAMPLE entry\. /);
    }
  });
});
