/**
 * Old events are never rewritten; when an event's data schema changes, an upcaster turns the stored
 * version into the current one as it is read. Each type lists its steps in order.
 */
export interface Upcaster {
  /** Schema version the step reads. */
  from: number;
  up(data: Record<string, unknown>): Record<string, unknown>;
}

export type UpcasterRegistry = Readonly<Record<string, readonly Upcaster[]>>;

/** Applies every step from the stored version on; events without a version are version 1. */
export function upcast(
  registry: UpcasterRegistry,
  type: string,
  data: Record<string, unknown>,
  storedVersion = 1,
): { data: Record<string, unknown>; version: number } {
  let version = storedVersion;
  let current = data;
  for (const step of registry[type] ?? []) {
    if (step.from === version) {
      current = step.up(current);
      version += 1;
    }
  }
  return { data: current, version };
}

/** The current schema version of a type: one past the last upcaster, or 1. */
export function currentVersion(registry: UpcasterRegistry, type: string): number {
  const steps = registry[type] ?? [];
  return steps.length === 0 ? 1 : steps[steps.length - 1].from + 1;
}
