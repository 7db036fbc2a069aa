/**
 * Who holds a stake, is allocated on a declaration or paid on it: a household, or a village
 * collective (村集体) in its place, whose income it later shares out to households (二次分配).
 * Events carry exactly one of the two ids.
 */
export interface StakeHolder {
  householdId?: string;
  collectiveId?: string;
}

/**
 * The holder's id: a household id, or the collective's entity id. Read models keyed by the payee
 * (payments, allocations, obligation items) store this one id; the prefix (`household-`, `entity-`)
 * tells which, and `holderFields` turns it back into the field the API names.
 */
export function holderOf(holder: StakeHolder): string {
  const id = holder.householdId ?? holder.collectiveId;
  if (id === undefined) throw new Error('a stake holder names a household or a collective');
  return id;
}

/** True when the holder is a village collective rather than a household. */
export const isCollectiveHolder = (holder: StakeHolder): boolean => holder.collectiveId !== undefined;

/** True when a stored holder id is a collective's (an entity id). */
export const isCollectiveId = (id: string): boolean => id.startsWith('entity-');

/** A stored holder id as the API names it: `{householdId}` or `{collectiveId}`. */
export function holderFields(id: string): { householdId: string } | { collectiveId: string } {
  return isCollectiveId(id) ? { collectiveId: id } : { householdId: id };
}
