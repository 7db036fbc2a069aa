import type { RefusalCatalogue } from '../common/refusal';

/** Every refusal about employments and wages: its kind (hence its HTTP status) and the request field it concerns. */
export const EMPLOYMENT_REFUSALS = {
  'EMPLOYMENT.ALREADY_ENDED': { kind: 'rule', field: 'endsOn' },
  'EMPLOYMENT.ALREADY_STARTED': { kind: 'conflict' },
  'EMPLOYMENT.DAYS_WORKED_REQUIRED': { kind: 'rule', field: 'daysWorked' },
  'EMPLOYMENT.ENDS_BEFORE_START': { kind: 'rule', field: 'endsOn' },
  'EMPLOYMENT.MONTH_ALREADY_PAID': { kind: 'rule', field: 'period' },
  'EMPLOYMENT.MONTH_OUTSIDE_EMPLOYMENT': { kind: 'rule', field: 'period' },
  'EMPLOYMENT.NOTHING_TO_SUPPLEMENT': { kind: 'rule', field: 'supplementary' },
  'EMPLOYMENT.NOT_FOUND': { kind: 'not_found' },
  'EMPLOYMENT.PAID_AFTER_END': { kind: 'rule', field: 'endsOn' },
  'EMPLOYMENT.PAID_BEFORE_START': { kind: 'rule', field: 'paidOn' },
  'EMPLOYMENT.TOO_MANY_DAYS': { kind: 'rule', field: 'daysWorked' },
  'EMPLOYMENT.UNKNOWN_ENTITY': { kind: 'rule', field: 'entityId' },
  'EMPLOYMENT.UNKNOWN_HOUSEHOLD': { kind: 'rule', field: 'householdId' },
} as const satisfies RefusalCatalogue;
