/**
 * Database engine names as CloudFormation takes them (`Engine`: `mysql`, `aurora-postgresql`, `sqlserver-ee`...): facts
 * keyed by engine are keyed by a prefix of the name, and the longest matching prefix decides.
 */

/** The value of the longest prefix `engine` starts with (case does not matter): `aurora-postgresql` wins over `aurora`. */
export function byEnginePrefix<T>(engine: string, entries: readonly (readonly [prefix: string, value: T])[]): T | undefined {
  const e = engine.toLowerCase();
  let best: readonly [string, T] | undefined;
  for (const entry of entries) {
    if (e.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  }
  return best?.[1];
}
