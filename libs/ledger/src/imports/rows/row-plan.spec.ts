import { DomainError, forbidden, notFound, refuse } from '../../common/domain-error';
import { columnOfRefusal, type RefusalColumns } from './row-plan';

const RENT: RefusalColumns = {
  fields: { period: 'period', paidOn: 'paidOn', amountFen: 'amount' },
  forbidden: 'registrationNo',
  notFound: 'registrationNo',
  otherwise: 'amount',
};

describe('columnOfRefusal: a refusal lands beside the column its field is read from', () => {
  it('maps the refusal field to its column', () => {
    expect(columnOfRefusal(RENT, refuse('LEASE.OVERPAYMENT', 'en', 'zh'))).toBe('amount');
    expect(columnOfRefusal(RENT, refuse('LEASE.PERIOD_ALREADY_PAID', 'en', 'zh'))).toBe('period');
    expect(columnOfRefusal(RENT, refuse('LEASE.PAID_BEFORE_START', 'en', 'zh'))).toBe('paidOn');
  });

  it('puts a refusal without a field by its kind: who may write, an unknown record, anything else', () => {
    expect(columnOfRefusal(RENT, forbidden('AUTH.OTHER_TOWNSHIP', 'en', 'zh'))).toBe('registrationNo');
    expect(columnOfRefusal(RENT, notFound('LEASE.NOT_FOUND', 'en', 'zh'))).toBe('registrationNo');
    expect(columnOfRefusal({ ...RENT, notFound: undefined }, notFound('LEASE.NOT_FOUND', 'en', 'zh'))).toBe('amount');
  });

  it('falls back when the field is not a column of the roster', () => {
    expect(columnOfRefusal(RENT, refuse('LEASE.UNKNOWN_ENTITY', 'en', 'zh'))).toBe('amount');
  });
});

describe('DomainError', () => {
  it('carries the field its capability catalogues for the code', () => {
    expect(new DomainError('LOAN.SUBSIDY_RATE_ABOVE_LOAN_RATE', 'rule', 'en', 'zh').field).toBe('subsidy.rateBp');
    expect(new DomainError('LEDGER.CONCURRENT_WRITE', 'conflict', 'en', 'zh').field).toBeUndefined();
  });
});
