/*
 * The shape of a refusal catalogue. Each capability declares its refusals once
 * (`leases/lease.refusals.ts`), and libs/ledger/src/refusals.ts gathers them into `RefusalCode`.
 */

/**
 * How a refusal maps to the HTTP contract:
 * `rule` 422 (a rule of the domain refused a well-formed request), `conflict` 409 (the ledger's state
 * changed under the writer, or a unique value is taken), `not_found` 404, `forbidden` 403,
 * `unavailable` 503 (a read model has not caught up yet; retry).
 */
export type RefusalKind = 'rule' | 'conflict' | 'not_found' | 'forbidden' | 'unavailable';

/** The HTTP status each kind of refusal answers with. */
export const HTTP_STATUS_OF_REFUSAL: Record<RefusalKind, number> = {
  rule: 422,
  conflict: 409,
  not_found: 404,
  forbidden: 403,
  unavailable: 503,
};

/** What the ledger knows of a refusal code before it is thrown. */
export interface RefusalSpec {
  kind: RefusalKind;
  /**
   * The request field the refusal concerns (`amountFen`, `subsidy.rateBp`), when it concerns one:
   * the problem details name it, the importer maps it to its column, the console's form puts the
   * message beside it.
   */
  field?: string;
}

export type RefusalCatalogue = Record<string, RefusalSpec>;
