import type { ImportKind } from '../import-kinds';
import { dividendRows } from './dividend-rows';
import { distributionRows } from './distribution-rows';
import { employmentRows } from './employment-rows';
import { entityRows } from './entity-rows';
import { householdRegisterRows } from './household-register-rows';
import { leaseRows } from './lease-rows';
import { loanRepaymentRows } from './loan-repayment-rows';
import { loanRows } from './loan-rows';
import { purchaseRows } from './purchase-rows';
import { rentRows } from './rent-rows';
import type { RowKind } from './row-plan';
import { stakeRows } from './stake-rows';
import { wageRows } from './wage-rows';

/** How each kind of roster reads, plans and decides its rows. */
export const ROW_KINDS: Record<ImportKind, RowKind<unknown>> = {
  wages: wageRows,
  dividends: dividendRows,
  rents: rentRows,
  households: householdRegisterRows,
  employments: employmentRows,
  purchases: purchaseRows,
  entities: entityRows,
  stakes: stakeRows,
  leases: leaseRows,
  loans: loanRows,
  'loan-repayments': loanRepaymentRows,
  distributions: distributionRows,
};
