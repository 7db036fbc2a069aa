/** Whose obligations are read: one entity's, several entities' at once, or one household's from every entity. */
export type ObligationsOf = { entityId: string } | { entityIds: readonly string[] } | { householdId: string };

/** The read models' column and the ids matched in it (one entity is a list of one). */
export function obligationKeys(by: ObligationsOf): { column: 'entity_id' | 'household_id'; keys: string[] } {
  if ('entityIds' in by) return { column: 'entity_id', keys: [...by.entityIds] };
  if ('entityId' in by) return { column: 'entity_id', keys: [by.entityId] };
  return { column: 'household_id', keys: [by.householdId] };
}
