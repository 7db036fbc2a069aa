import type { GuaranteeToppedUp } from '../stakes/stake.events';
import type { DistributionPaid } from '../collectives/collective.events';
import type { RecordedEvent } from '@ledger/event-store';
import type { DividendEvent } from '../dividends/dividend.events';
import type { EmploymentEvent } from '../employment/employment.events';
import type { HouseholdEvent } from '../households/household.events';
import type { LeaseEvent } from '../leases/lease.events';
import type { LoanEvent } from '../loans/loan.events';
import type { OrderEvent } from '../orders/order.events';
import type { ProjectEvent } from '../projects/project.events';
import { handledTypes } from '../projections/ledger-event';
import { eventOf, type Projection, type RowSql } from '../projections/projection';
import { correctionRows } from './statement-projection/corrections.rows';
import { householdRows } from './statement-projection/households.rows';
import { paymentLines } from './statement-projection/lines.rows';
import { loanRows } from './statement-projection/loans.rows';
import { termRows } from './statement-projection/terms.rows';

export {
  statementAllocationsDroppedMigration,
  statementBankMigration,
  statementDividendHouseholdsMigration,
  statementLoansMigration,
  statementMigration,
  statementProjectFundSourcesMigration,
  statementReferencesMigration,
} from './statement-projection/statement.migrations';

/*
 * The statement's read model, one file per family of events in statement-projection/: the
 * household, the terms a line is explained from, the payments that make lines, loans, and the
 * corrections of lines (reversal, the bank's return, reissue); its tables in statement.migrations.ts.
 */

type StatementEvent =
  | HouseholdEvent
  | ProjectEvent
  | DividendEvent
  | LeaseEvent
  | EmploymentEvent
  | OrderEvent
  | LoanEvent
  | GuaranteeToppedUp
  | DistributionPaid;

const STATEMENT_EVENT_TYPES = handledTypes<StatementEvent>({
  HouseholdRegistered: 'handles',
  HouseholdStatusChanged: 'handles',
  HouseholdErased: 'handles',
  EntityRegistered: 'ignores',
  ProjectRegistered: 'handles',
  ProjectFundsReceived: 'handles',
  ProjectFundsDisbursed: 'handles',
  StakeAcquired: 'ignores',
  StakeEnded: 'ignores',
  GuaranteeToppedUp: 'handles',
  DividendDeclared: 'handles',
  DividendPaid: 'handles',
  DistributionDeclared: 'ignores',
  DistributionPaid: 'handles',
  LeaseSigned: 'handles',
  RentPaid: 'handles',
  LeaseEnded: 'handles',
  EmploymentStarted: 'handles',
  WagePaid: 'handles',
  EmploymentEnded: 'handles',
  OrderContracted: 'handles',
  PurchasePaid: 'handles',
  PaymentReversed: 'handles',
  PaymentReturned: 'handles',
  PaymentReissued: 'handles',
  UserRegistered: 'ignores',
  UserTokenReplaced: 'ignores',
  LoanDisbursed: 'handles',
  LoanRepaid: 'handles',
  LoanInterestSubsidised: 'handles',
  CountyContactSet: 'ignores',
  BankFileReconciled: 'ignores',
  NoticePosted: 'ignores',
  ObjectionRaised: 'ignores',
  ObjectionResolved: 'ignores',
  NoticeHoldChanged: 'ignores',
  StatementAcknowledged: 'ignores',
});

/** Statement lines for every payment to a household, explained from the events alone. */
export const statementProjection: Projection = {
  name: 'statement',
  handles: STATEMENT_EVENT_TYPES,
  tables: [
    'statement_lines',
    'statement_dividend_households',
    'statement_declarations',
    'statement_leases',
    'statement_employments',
    'statement_orders',
    'statement_loan_repayments',
    'statement_loans',
    'statement_project_funds',
    'statement_projects',
    'statement_households',
  ],
  apply(recorded: RecordedEvent): RowSql[] {
    const event = eventOf<StatementEvent>(recorded, STATEMENT_EVENT_TYPES);
    if (!event) return [];
    const recordedBy = typeof recorded.metadata.userId === 'string' ? recorded.metadata.userId : null;
    switch (event.type) {
      case 'HouseholdRegistered':
      case 'HouseholdStatusChanged':
      case 'HouseholdErased':
        return householdRows(event);
      case 'ProjectRegistered':
      case 'ProjectFundsReceived':
      case 'ProjectFundsDisbursed':
      case 'DividendDeclared':
      case 'LeaseSigned':
      case 'LeaseEnded':
      case 'EmploymentStarted':
      case 'EmploymentEnded':
      case 'OrderContracted':
        return termRows(event, recorded);
      case 'DividendPaid':
      case 'RentPaid':
      case 'WagePaid':
      case 'PurchasePaid':
      case 'LoanInterestSubsidised':
      case 'GuaranteeToppedUp':
      case 'DistributionPaid':
        return paymentLines(event, recorded, recordedBy);
      case 'LoanDisbursed':
      case 'LoanRepaid':
        return loanRows(event, recorded);
      case 'PaymentReversed':
      case 'PaymentReturned':
      case 'PaymentReissued':
        return correctionRows(event, recorded, recordedBy);
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
