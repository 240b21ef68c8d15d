/** Metadata type under which aws-cdk-lib records `Validations.of(x).acknowledge(...)` (`Validations.ACKNOWLEDGED_RULES_METADATA_KEY`). */
export const ACKNOWLEDGED_RULES_METADATA = 'aws:cdk:acknowledged-rules';

/** One acknowledgement as the cloud assembly records it in a stack's metadata. */
export interface RecordedAcknowledgement {
  /** The construct path it was made on (without the leading slash): it covers that construct and everything below. */
  readonly path: string;
  /** The id as stored, e.g. `Annotation::Competency-1.14-TrailBucketInAnotherAccount` or `CloudFormation-Validate::W3010`. */
  readonly id: string;
  readonly reason: string;
  /** The call's stack trace, when the app was synthesized with stack traces on (not by the CDK CLI unless `--debug`). */
  readonly trace?: readonly string[];
}

/**
 * The acknowledgements of a stack's metadata (the `metadata` of a manifest artifact or its
 * `additionalMetadataFile`): `{ "/Stack/Bucket": [{ type: 'aws:cdk:acknowledged-rules', data: { id: reason }, trace }] }`.
 * Entries of another shape are skipped.
 */
export function acknowledgementsFromStackMetadata(metadata: unknown): RecordedAcknowledgement[] {
  const out: RecordedAcknowledgement[] = [];
  if (!metadata || typeof metadata !== 'object') return out;
  for (const [p, entries] of Object.entries(metadata as Record<string, unknown>)) {
    if (!Array.isArray(entries)) continue;
    for (const e of entries) {
      if (!e || typeof e !== 'object' || e.type !== ACKNOWLEDGED_RULES_METADATA || !e.data || typeof e.data !== 'object') continue;
      const trace = Array.isArray(e.trace) && e.trace.every((t: unknown) => typeof t === 'string') ? e.trace as string[] : undefined;
      for (const [id, reason] of Object.entries(e.data as Record<string, unknown>)) {
        out.push({ path: p.replace(/^\//, ''), id, reason: typeof reason === 'string' ? reason : String(reason), ...(trace ? { trace } : {}) });
      }
    }
  }
  return out;
}
