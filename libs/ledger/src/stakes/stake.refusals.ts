import type { RefusalCatalogue } from '../common/refusal';

/** Every refusal about stakes: its kind (hence its HTTP status) and the request field it concerns. */
export const STAKE_REFUSALS = {
  'STAKE.ALREADY_ENDED': { kind: 'rule', field: 'endsOn' },
  'STAKE.ENDS_AFTER_TERM': { kind: 'rule', field: 'endsOn' },
  'STAKE.ENDS_BEFORE_START': { kind: 'rule', field: 'endsOn' },
  'STAKE.EXCEEDS_DISBURSEMENT': { kind: 'rule', field: 'principalFen' },
  'STAKE.EXCEEDS_LOAN': { kind: 'rule', field: 'principalFen' },
  'STAKE.LOAN_NOT_INVESTED_HERE': { kind: 'rule', field: 'loanId' },
  'STAKE.LOAN_OF_ANOTHER_HOUSEHOLD': { kind: 'rule', field: 'loanId' },
  'STAKE.NOT_FOUND': { kind: 'not_found' },
  'STAKE.PROJECT_ONLY_FOR_FISCAL_FUND': { kind: 'rule', field: 'projectId' },
  'STAKE.PROJECT_REQUIRED': { kind: 'rule', field: 'projectId' },
  'STAKE.UNKNOWN_ENTITY': { kind: 'rule', field: 'entityId' },
  'STAKE.UNKNOWN_HOUSEHOLD': { kind: 'rule', field: 'householdId' },
  'STAKE.NOT_A_COLLECTIVE': { kind: 'rule', field: 'collectiveId' },
  'STAKE.COLLECTIVE_NOT_GUARANTEED': { kind: 'rule', field: 'guaranteedYearlyFen' },
  'STAKE.UNKNOWN_LOAN': { kind: 'rule', field: 'loanId' },
  'STAKE.UNKNOWN_PROJECT': { kind: 'rule', field: 'projectId' },
  'STAKE.GUARANTEE_NEEDS_TERM': { kind: 'rule', field: 'endsOn' },
  'STAKE.GUARANTOR_NEEDS_PROJECT': { kind: 'rule', field: 'projectId' },
  'GUARANTEE.NONE': { kind: 'rule' },
  'GUARANTEE.WRONG_PAYER': { kind: 'rule', field: 'payer' },
  'GUARANTEE.PERIOD_NOT_IN_SCHEDULE': { kind: 'rule', field: 'period' },
  'GUARANTEE.PAID_BEFORE_START': { kind: 'rule', field: 'paidOn' },
  'GUARANTEE.OVERPAYMENT': { kind: 'rule', field: 'amountFen' },
} as const satisfies RefusalCatalogue;
