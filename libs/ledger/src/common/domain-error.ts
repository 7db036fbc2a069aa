import { REFUSALS, type RefusalCode } from '../refusals';
import type { RefusalKind, RefusalSpec } from './refusal';

export type { RefusalKind } from './refusal';
export type { RefusalCode } from '../refusals';

/** The codes of one kind: `refuse` takes only `rule` codes, `notFound` only `not_found` ones, and so on. */
export type RefusalCodeOf<Kind extends RefusalKind> = {
  [Code in RefusalCode]: (typeof REFUSALS)[Code]['kind'] extends Kind ? Code : never;
}[RefusalCode];

/** The request field a refusal code concerns, as its capability's catalogue declares it. */
export function fieldOfRefusal(code: RefusalCode): string | undefined {
  const spec: RefusalSpec = REFUSALS[code];
  return spec.field;
}

/**
 * A refusal by the ledger's rules. `code` is one of the catalogued codes (`LEASE.PERIOD_ALREADY_PAID`)
 * so clients and tests can rely on it; `field` is the request field it concerns, from the catalogue;
 * the messages say in plain words what a clerk can do about it.
 */
export class DomainError extends Error {
  readonly field: string | undefined;

  constructor(
    readonly code: RefusalCode,
    readonly kind: RefusalKind,
    /** English detail. */
    message: string,
    /** Chinese detail, shown by default. */
    readonly messageZh: string,
    /** Members the problem details carry besides the standard ones (a notice hold's `noticeId`). */
    readonly extensions?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = 'DomainError';
    this.field = fieldOfRefusal(code);
  }
}

export const refuse = (code: RefusalCodeOf<'rule'>, en: string, zh: string): DomainError =>
  new DomainError(code, 'rule', en, zh);
export const notFound = (code: RefusalCodeOf<'not_found'>, en: string, zh: string): DomainError =>
  new DomainError(code, 'not_found', en, zh);
export const conflict = (code: RefusalCodeOf<'conflict'>, en: string, zh: string): DomainError =>
  new DomainError(code, 'conflict', en, zh);
export const forbidden = (code: RefusalCodeOf<'forbidden'>, en: string, zh: string): DomainError =>
  new DomainError(code, 'forbidden', en, zh);
