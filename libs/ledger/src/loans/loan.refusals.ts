import type { RefusalCatalogue } from '../common/refusal';

/** Every refusal about poverty micro-credit: its kind (hence its HTTP status) and the request field it concerns. */
export const LOAN_REFUSALS = {
  'LOAN.CONTRACT_NO_TAKEN': { kind: 'conflict', field: 'contractNo' },
  'LOAN.ENTITY_REPAYMENT_NOT_INVESTED': { kind: 'rule', field: 'paidBy' },
  'LOAN.NOT_FOUND': { kind: 'not_found' },
  'LOAN.NO_SUBSIDY': { kind: 'rule' },
  'LOAN.PRINCIPAL_ABOVE_LIMIT': { kind: 'rule', field: 'principalFen' },
  'LOAN.REPAID_BEFORE_DISBURSED': { kind: 'rule', field: 'paidOn' },
  'LOAN.REPAYMENT_EXCEEDS_OUTSTANDING': { kind: 'rule', field: 'principalFen' },
  'LOAN.SUBSIDY_BEFORE_DISBURSED': { kind: 'rule', field: 'paidOn' },
  'LOAN.SUBSIDY_EXCEEDS_CAP': { kind: 'rule', field: 'amountFen' },
  'LOAN.SUBSIDY_RATE_ABOVE_LOAN_RATE': { kind: 'rule', field: 'subsidy.rateBp' },
  'LOAN.TERM_ABOVE_LIMIT': { kind: 'rule', field: 'maturesOn' },
  'LOAN.UNKNOWN_ENTITY': { kind: 'rule', field: 'entityId' },
  'LOAN.UNKNOWN_HOUSEHOLD': { kind: 'rule', field: 'householdId' },
  'LOAN.UNKNOWN_PROJECT': { kind: 'rule', field: 'subsidy.projectId' },
} as const satisfies RefusalCatalogue;
