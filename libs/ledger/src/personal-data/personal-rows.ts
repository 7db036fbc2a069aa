import type { KeyLookup } from './household-keys';
import { openField, sealField } from './personal-cipher';
import { ERASED, personalRows } from './personal-fields';

/** An event as the store's wrapper sees it: a type and its data, whatever else it carries. */
interface AnyEvent {
  type: string;
  data: unknown;
}

type Row = Record<string, unknown> & { householdId?: unknown };

const declarationOf = (type: string) =>
  (personalRows as Readonly<Record<string, { list: string; fields: readonly string[] } | undefined>>)[type];

function rowsOf(event: AnyEvent): Row[] | undefined {
  const declared = declarationOf(event.type);
  const rows = declared && (event.data as Record<string, unknown> | null)?.[declared.list];
  return Array.isArray(rows) ? (rows as Row[]) : undefined;
}

/** The households whose keys the event's rows need (none for an event without personal rows). */
export function rowHouseholds(event: AnyEvent): string[] {
  return (rowsOf(event) ?? []).flatMap((r) => (typeof r.householdId === 'string' ? [r.householdId] : []));
}

function mapRows<E extends AnyEvent>(event: E, transform: (value: string, householdId: string) => string): E {
  const declared = declarationOf(event.type);
  const rows = rowsOf(event);
  if (!declared || !rows) return event;
  const mapped = rows.map((row) => {
    if (typeof row.householdId !== 'string') return row;
    const out: Row = { ...row };
    for (const field of declared.fields) {
      const value = out[field];
      if (typeof value === 'string') out[field] = transform(value, row.householdId);
    }
    return out;
  });
  return { ...event, data: { ...(event.data as Record<string, unknown>), [declared.list]: mapped } };
}

/**
 * Each row's personal fields sealed with its household's key; `[已删除]` for an erased household
 * (never written again, in clear or under a new key). A field already sealed stays as it is.
 */
export function sealRows<E extends AnyEvent>(event: E, keys: KeyLookup): E {
  return mapRows(event, (value, householdId) => {
    if (value.startsWith('pd1.') || value === ERASED || !keys.has(householdId)) return value;
    const key = keys.get(householdId);
    return key ? sealField(key, value) : ERASED;
  });
}

/**
 * Each row opened with its household's key: `[已删除]` once the key is destroyed. A row written in
 * clear before rows were sealed reads `[已删除]` too once its household is erased (masked at read:
 * `ledger-cli migrate-personal-data` seals such rows in the log for good).
 */
export function openRows<E extends AnyEvent>(event: E, keys: ReadonlyMap<string, Buffer | undefined>): E {
  return mapRows(event, (value, householdId) => {
    const key = keys.get(householdId);
    if (keys.has(householdId) && key === undefined) return ERASED;
    return openField(key, value);
  });
}
