// Shared pieces of the property-based hardening tests (test/hardening/<construct>.fuzz.test.ts).
//
// Property, for every construct: whatever props a caller gives, the construct either synthesizes a template
// (`Template.fromStack` succeeds) or throws our `ValidationError`, every line of which reads
// `<Construct>: '<prop>' <constraint>, got <value>` — never a TypeError, never `undefined` or `[object Object]`.
//
// Runs are bounded and reproducible: a fixed seed (override with FUZZ_SEED) and a per-construct run count
// (scale with FUZZ_RUNS_FACTOR for a longer local exploration). fast-check prints the seed and the shrunk
// counterexample on failure; re-run with FUZZ_SEED=<seed> to reproduce it.
import { App, Duration, Lazy, Stack, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as fc from 'fast-check';
import { ValidationError } from '../../constructs/core';

/** The environment every fuzz stack is deployed to (a concrete account and region, as in the examples). */
export const FUZZ_ENV = { account: '111111111111', region: 'eu-west-1' } as const;

/** Default seed of every fuzz suite: the runs are the same on every machine. */
export const FUZZ_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261123;

/** Run count for a construct, scaled by FUZZ_RUNS_FACTOR (default 1). */
export function fuzzRuns(base: number): number {
  const factor = process.env.FUZZ_RUNS_FACTOR ? Number(process.env.FUZZ_RUNS_FACTOR) : 1;
  return Math.max(1, Math.round(base * factor));
}

/** What one run ended with. */
export type Outcome = 'synthesized' | 'rejected';

/** Counts of the outcomes of one suite, printed when FUZZ_STATS is set (for HARDENING.md). */
export class FuzzStats {
  public synthesized = 0;
  public rejected = 0;
  /** Problems reported, by prop (the quoted name of each line). */
  public readonly problemsByProp = new Map<string, number>();
  /** Faults the construct accepted and synthesized (`prop=value`): validation gaps, or faults that are fine. */
  public readonly acceptedFaults = new Set<string>();
  /** Faults injected, in all. */
  public faults = 0;

  constructor(private readonly construct: string) {}

  public record(outcome: Outcome, problems: readonly string[] = []): void {
    this[outcome]++;
    for (const p of problems) {
      const prop = /^'([^']+)'/.exec(p)?.[1] ?? '?';
      this.problemsByProp.set(prop, (this.problemsByProp.get(prop) ?? 0) + 1);
    }
  }

  public print(): void {
    if (!process.env.FUZZ_STATS) return;
    const props = [...this.problemsByProp.entries()].sort().map(([p, n]) => `${p}=${n}`).join(' ');
    const accepted = [...this.acceptedFaults].sort().join('\n    ');
    console.log(`FUZZ ${this.construct}: ${this.synthesized + this.rejected} cases, ${this.faults} faults, ${this.synthesized} synthesized, ${this.rejected} rejected; problems: ${props}\n  accepted faults:\n    ${accepted}`);
  }
}

/** Options of {@link expectValidOrClearError}. */
export interface ClearErrorOptions {
  /** The construct whose name must start every line, e.g. `MultiAzVpc`. */
  readonly construct: string;
  /**
   * Names of its props (top level). Every problem must name one of them (a nested path such as
   * `vpn.customerGateways[0].ip` counts by its root `vpn`).
   */
  readonly props: readonly string[];
  /**
   * Other constructs allowed to report, with the prop of `construct` their props come from
   * (`BaselineStackSet` passes `accountBaseline` to `AccountBaseline`).
   * @default - none
   */
  readonly nested?: { readonly [construct: string]: readonly string[] };
}

const PROBLEM = /^'([^']+)' (.+)$/s;

/** The root prop of a path: `vpn.customerGateways[0].ip` -> `vpn`. */
function rootOf(prop: string): string {
  return prop.split(/[.[]/)[0];
}

/**
 * Asserts that `error` is a clear `ValidationError` of the construct; returns its problems.
 * Throws (failing the property) with the reason otherwise.
 */
export function assertClearError(error: unknown, options: ClearErrorOptions): readonly string[] {
  if (!(error instanceof ValidationError)) {
    const e = error as Error;
    throw new Error(`expected a ValidationError, got ${e?.constructor?.name ?? typeof error}: ${e?.message ?? String(error)}`);
  }
  const message = error.message;
  if (/\bundefined\b/.test(message)) throw new Error(`message shows 'undefined': ${message}`);
  if (message.includes('[object Object]')) throw new Error(`message shows '[object Object]': ${message}`);
  if (error.problems.length === 0) throw new Error(`ValidationError without problems: ${message}`);
  const owners: { [construct: string]: readonly string[] } = { [options.construct]: options.props, ...(options.nested ?? {}) };
  const construct = Object.keys(owners).find((c) => message.startsWith(`${c}: `));
  if (construct === undefined) throw new Error(`message must start with '<Construct>: ' (${Object.keys(owners).join(', ')}): ${message}`);
  if (message !== error.problems.map((p) => `${construct}: ${p}`).join('\n')) {
    throw new Error(`every problem must start with '${construct}: ': ${message}`);
  }
  for (const problem of error.problems) {
    const m = PROBLEM.exec(problem);
    if (!m) throw new Error(`problem does not start with the quoted prop: ${construct}: ${problem}`);
    if (!owners[construct].includes(rootOf(m[1]))) throw new Error(`problem names '${m[1]}', not a prop of ${construct}: ${problem}`);
    if (!/, got .+|overlaps /s.test(m[2])) throw new Error(`problem does not name the value received: ${construct}: ${problem}`);
  }
  return error.problems;
}

/**
 * Builds one case in a fresh app and stack and checks the property: a template, or a clear `ValidationError`.
 * Nothing is shared between runs.
 */
export function expectValidOrClearError(options: ClearErrorOptions, stats: FuzzStats, build: (stack: Stack) => void): Outcome {
  const app = new App();
  const stack = new Stack(app, 'Fuzz', { env: FUZZ_ENV });
  try {
    build(stack);
  } catch (error) {
    stats.record('rejected', assertClearError(error, options));
    return 'rejected';
  }
  try {
    Template.fromStack(stack);
  } catch (error) {
    throw new Error(`accepted by the construct but synthesis failed: ${(error as Error).constructor.name}: ${(error as Error).message}`);
  }
  stats.record('synthesized');
  return 'synthesized';
}

/** Runs a property with the suite's seed; failures print the seed and the shrunk counterexample. */
export function assertProperty<T>(arb: fc.Arbitrary<T>, numRuns: number, predicate: (value: T) => void, options: { readonly endOnFailure?: boolean } = {}): void {
  if (process.env.FUZZ_SURVEY) return survey(arb, numRuns, predicate);
  fc.assert(
    fc.property(arb, (value) => {
      predicate(value);
    }),
    { numRuns: fuzzRuns(numRuns), seed: FUZZ_SEED, endOnFailure: options.endOnFailure ?? false },
  );
}

/**
 * FUZZ_SURVEY=1: runs every sample instead of stopping at the first failure and prints each distinct failure once
 * (numbers and token ids blurred), to list all the findings of a construct at once.
 */
function survey<T>(arb: fc.Arbitrary<T>, numRuns: number, predicate: (value: T) => void): void {
  const failures = new Map<string, { count: number; example: string }>();
  for (const value of fc.sample(arb, { numRuns: fuzzRuns(numRuns), seed: FUZZ_SEED })) {
    try {
      predicate(value);
    } catch (error) {
      const message = ((error as Error).message ?? String(error)).split('\n')[0].slice(0, 400);
      const key = message.replace(/\d+/g, 'N').replace(/'[^']*'/g, "'…'");
      const f = failures.get(key) ?? { count: 0, example: `${message}\n      case: ${fc.stringify(value).slice(0, 600)}` };
      f.count++;
      failures.set(key, f);
    }
  }
  console.log(`SURVEY ${failures.size} distinct failures\n${[...failures.values()].map((f) => `  [${f.count}x] ${f.example}`).join('\n')}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries shared by the suites. Tokens are created per generated value (nothing mutable is reused).

/** An unresolved string: a `Token.asString` of a reference, or a `Lazy.string`. */
export const unresolvedString: fc.Arbitrary<string> = fc.constantFrom('ref', 'lazy').map((kind) =>
  kind === 'ref' ? Token.asString({ Ref: 'FuzzParameter' }) : Lazy.string({ produce: () => 'lazy-value' }),
);

/** An unresolved number (`Token.asNumber`, `Lazy.number`). */
export const unresolvedNumber: fc.Arbitrary<number> = fc.constantFrom('ref', 'lazy').map((kind) =>
  kind === 'ref' ? Token.asNumber({ Ref: 'FuzzNumber' }) : Lazy.number({ produce: () => 3 }),
);

/** An unresolved list (`Token.asList`). */
export const unresolvedList: fc.Arbitrary<string[]> = fc.constant(null).map(() => Token.asList({ Ref: 'FuzzList' }));

/** Values of the wrong JavaScript type (what a JavaScript caller or a bad cast may pass). */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -5, max: 100000 }),
  fc.constant(true),
  fc.constant({}),
  fc.constant([]),
  fc.constant({ nested: 'object' }),
  fc.constant(NaN),
);

/** Empty, blank and odd strings. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('', ' ', '\t', 'null', 'ünïcödé', "it's", 'a'.repeat(300)),
  fc.string({ maxLength: 12 }),
);

export const validAccountId = fc.constantFrom('222222222222', '333333333333', '444444444444');
export const badAccountId = fc.oneof(
  fc.constantFrom('1234', '12345678901', '1234567890123', '12345678901a', ' 222222222222', '222222222222 ', '222-222-222-222'),
  oddString,
);
export const validRegion = fc.constantFrom('eu-west-1', 'us-east-1', 'us-gov-west-1', 'ap-southeast-2');
export const badRegion = fc.oneof(fc.constantFrom('eu-west', 'EU-WEST-1', 'eu_west_1', 'eu-west-1a', 'mars-north-9x', 'useast1'), oddString);
export const validOrganizationId = fc.constantFrom('o-a1b2c3d4e5', 'o-abcdefghij12');
export const badOrganizationId = fc.oneof(fc.constantFrom('o-', 'o-ABC', 'a1b2c3d4e5', 'o-a1b2', 'ou-ab12-cd34ef56'), oddString);

/** A duration in days, valid or not, from the given whole-day range plus odd shapes (hours, 0, huge). */
export function durationDays(min: number, max: number): fc.Arbitrary<Duration> {
  return fc.oneof(
    fc.integer({ min, max }).map((d) => Duration.days(d)),
    fc.constantFrom(0, 0.5, 36, 25, 36501, 100000).map((h) => Duration.hours(h)),
    fc.constantFrom(0, 1, 400000).map((d) => Duration.days(d)),
    fc.constant(null).map(() => Duration.days(Token.asNumber({ Ref: 'FuzzDays' }))),
  );
}

/** The props a generated case replaced by a fault (non-enumerable, so it never reaches the construct). */
export const FAULTS = Symbol('faults');

/** How to generate one prop: its valid values and the faults to inject. */
export interface FieldSpec {
  /** Valid values. @default - the prop is always left out */
  readonly valid?: fc.Arbitrary<unknown>;
  /** Values of the right type that break a constraint (malformed, out of range, conflicting). */
  readonly invalid?: fc.Arbitrary<unknown>;
  /** Unresolved tokens of the right type (`Token.asString`, `Lazy.string`, ...). */
  readonly unresolved?: fc.Arbitrary<unknown>;
  /** A required prop: never left out in valid cases (left out as a wrong-type fault). @default false */
  readonly required?: boolean;
  /** Props that only make sense as objects built in the stack get no wrong-type fault. @default false */
  readonly noWrongType?: boolean;
}

/**
 * Props with a few faults: every prop valid or left out, then up to `maxFaults` of them replaced by a fault —
 * invalid values and tokens (`wrongTypes: false`) or values of the wrong JavaScript type and missing required
 * props (`wrongTypes: true`). Some cases have no fault, so valid props are proven to synthesize too.
 */
export function faulty(spec: { readonly [prop: string]: FieldSpec }, options: { readonly wrongTypes: boolean; readonly maxFaults?: number }): fc.Arbitrary<Record<string, unknown>> {
  const good: Record<string, fc.Arbitrary<unknown>> = {};
  const bad: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, f] of Object.entries(spec)) {
    const omitted = fc.constant(undefined);
    good[key] = !f.valid ? omitted : f.required ? f.valid : fc.oneof({ arbitrary: omitted, weight: 1 }, { arbitrary: f.valid, weight: 2 });
    const faults: fc.Arbitrary<unknown>[] = [];
    if (options.wrongTypes) {
      if (!f.noWrongType) faults.push(wrongType);
      if (f.required) faults.push(omitted);
    } else {
      if (f.invalid) faults.push(f.invalid);
      if (f.unresolved) faults.push(f.unresolved);
    }
    if (faults.length > 0) bad[key] = fc.oneof(...faults);
  }
  return fc
    .tuple(fc.record(good), fc.record(bad), fc.subarray(Object.keys(bad), { maxLength: options.maxFaults ?? 2 }))
    .map(([g, b, keys]) => Object.defineProperty({ ...g, ...Object.fromEntries(keys.map((k) => [k, b[k]])) }, FAULTS, { value: keys, enumerable: false }));
}

/** Drops the keys whose value is undefined (an omitted optional prop). */
export function compact<T extends object>(props: T): T {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined)) as T;
}

/** Runs and known findings of one construct's fuzz suite. */
export interface FuzzConfig {
  /** Runs of the typed property (fewer for constructs with a heavy synth). */
  readonly typed: number;
  /** Runs of the wrong-types property. */
  readonly wrongTypes: number;
  /**
   * Set while the construct is known to crash (TypeError) on values of the wrong JavaScript type: the finding,
   * as recorded in HARDENING.md. The property then runs as `test.failing`, which turns red once the construct
   * is fixed — then delete this line.
   * @default - the wrong-types property must hold
   */
  readonly wrongTypesCrash?: string;
  /**
   * Concrete typed props that break the property today (found by this suite, recorded in HARDENING.md, not yet
   * fixed by the construct's owner), by finding. Each runs as `test.failing`; their faults are left out of the
   * typed arbitraries so the property guards everything else.
   * @default - none
   */
  readonly knownFindings?: { readonly [finding: string]: Record<string, unknown> };
}

/**
 * Declares the properties of a construct: typed props with faults (invalid values, tokens), and values of the
 * wrong JavaScript type. `build` creates the construct from the generated props in the given stack.
 */
export function describeFuzz(
  options: ClearErrorOptions,
  spec: { readonly [prop: string]: FieldSpec },
  config: FuzzConfig,
  build: (stack: Stack, props: Record<string, unknown>) => void,
): void {
  describe(`${options.construct}: any props give a template or a clear ValidationError`, () => {
    const stats = new FuzzStats(options.construct);
    afterAll(() => stats.print());
    const run = (props: Record<string, unknown>) => {
      const faults = ((props as { [FAULTS]?: string[] })[FAULTS] ?? []) as string[];
      stats.faults += faults.length;
      const outcome = expectValidOrClearError(options, stats, (stack) => build(stack, compact(props)));
      if (outcome === 'synthesized') for (const f of faults) stats.acceptedFaults.add(`${f}=${fc.stringify(props[f]).slice(0, 120)}`);
    };

    test('typed props with faults (invalid values, out-of-range numbers, malformed IDs and ARNs, unresolved tokens)', () => {
      assertProperty(faulty(spec, { wrongTypes: false }), config.typed, run);
    });

    if (config.wrongTypesCrash && !process.env.FUZZ_SURVEY) {
      test.failing(`KNOWN FINDING (wrong JavaScript types): ${config.wrongTypesCrash}`, () => {
        // Stops at the first crash (cheap while the finding stands); a generous budget so a crash is always met.
        assertProperty(faulty(spec, { wrongTypes: true }), Math.max(config.wrongTypes, 60), run, { endOnFailure: true });
      });
    } else {
      test('values of the wrong JavaScript type and missing required props', () => {
        assertProperty(faulty(spec, { wrongTypes: true }), config.wrongTypes, run);
      });
    }

    for (const [finding, props] of Object.entries(config.knownFindings ?? {})) {
      test.failing(`KNOWN FINDING: ${finding}`, () => {
        expectValidOrClearError(options, stats, (stack) => build(stack, props));
      });
    }
  });
}
