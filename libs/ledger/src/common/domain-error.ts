/**
 * How a refusal maps to the HTTP contract:
 * `rule` 422 (a rule of the domain refused a well-formed request), `conflict` 409 (the ledger's state
 * changed under the writer, or a unique value is taken), `not_found` 404, `forbidden` 403,
 * `unavailable` 503 (a read model has not caught up yet; retry).
 */
export type RefusalKind = 'rule' | 'conflict' | 'not_found' | 'forbidden' | 'unavailable';

/**
 * A refusal by the ledger's rules. `code` is stable (`LEASE.PERIOD_ALREADY_PAID`) so clients and
 * tests can rely on it; the messages say in plain words what a clerk can do about it.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: RefusalKind,
    /** English detail. */
    message: string,
    /** Chinese detail, shown by default. */
    readonly messageZh: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const refuse = (code: string, en: string, zh: string): DomainError => new DomainError(code, 'rule', en, zh);
export const notFound = (code: string, en: string, zh: string): DomainError =>
  new DomainError(code, 'not_found', en, zh);
export const conflict = (code: string, en: string, zh: string): DomainError =>
  new DomainError(code, 'conflict', en, zh);
export const forbidden = (code: string, en: string, zh: string): DomainError =>
  new DomainError(code, 'forbidden', en, zh);
