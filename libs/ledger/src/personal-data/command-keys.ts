import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The household keys one command has already read, for the append that follows (issue 20: the
 * command path). A handler reads its stream (opening its personal fields fetches the keys of the
 * households in it) and appends a moment later (sealing needs the same keys): without this, every
 * command asked `household_keys` twice for the same rows.
 *
 * The scope is one attempt of one command (`StreamWriter.decide` runs each attempt in its own), never
 * a cache across requests: an erasure that lands between the read and the append seals the new event
 * under the key being destroyed, which no one can open afterwards, exactly as when the erasure landed
 * between the seal's own key lookup and the append. A household the read did not see (its first
 * personal field, a key to create) is still looked up, and created, as before.
 */
const scope = new AsyncLocalStorage<Map<string, Buffer | undefined>>();

/** Runs one command's read-decide-append with its own record of keys read. */
export function withCommandKeys<T>(work: () => Promise<T>): Promise<T> {
  return scope.run(new Map(), work);
}

/** Records keys a read fetched (`undefined`: the household is erased), when inside a command. */
export function rememberCommandKeys(keys: ReadonlyMap<string, Buffer | undefined>): void {
  const known = scope.getStore();
  if (known) for (const [household, key] of keys) known.set(household, key);
}

/** The keys this command already read, among `households`; the rest must be looked up. */
export function commandKeys(households: Iterable<string>): {
  known: Map<string, Buffer | undefined>;
  unknown: string[];
} {
  const read = scope.getStore();
  const known = new Map<string, Buffer | undefined>();
  const unknown: string[] = [];
  for (const household of new Set(households)) {
    if (read?.has(household)) known.set(household, read.get(household));
    else unknown.push(household);
  }
  return { known, unknown };
}
