import type { Migration } from '@ledger/database';
import {
  householdListMigration,
  householdListProjection,
} from './households/list-households/household-list.projection';
import {
  statementAllocationsDroppedMigration,
  statementDividendHouseholdsMigration,
  statementLoansMigration,
  statementBankMigration,
  statementMigration,
  statementProjectFundSourcesMigration,
  statementProjection,
  statementReferencesMigration,
} from './statements/statement.projection';
import { holdingsMigration, holdingsProjection } from './statements/holdings/holdings.projection';
import { countyContactsMigration, countyContactsProjection } from './counties/county-contact.projection';
import {
  obligationsByHouseholdMigration,
  obligationsMigration,
  obligationsProjection,
} from './obligations/obligations.projection';
import { guaranteeObligationsMigration } from './obligations/guarantee-obligations';
import { fundFlowLoansMigration, fundFlowMigration, fundFlowProjection } from './fund-flow/fund-flow.projection';
import { fundFlowTopupsMigration } from './fund-flow/fund-flow.topups';
import { coverageCollectiveMigration, coverageMigration, coverageProjection } from './coverage/coverage.projection';
import { directoryMigration, directoryProjection } from './directory/directory.projection';
import {
  loanBookMigration,
  loanBookProjection,
  loanBookVillageMigration,
} from './loans/loan-book/loan-book.projection';
import {
  reconciliationReturnedByMigration,
  reconciliationReversalsMigration,
  reconciliationsMigration,
  reconciliationsProjection,
} from './reconciliations/reconciliation.projection';
import { collectiveLedgerMigration, collectiveLedgerProjection } from './collectives/collective.projection';
import { noticeListMigration, noticeListProjection } from './notices/list-notices/notice-list.projection';
import { userListMigration, userListProjection } from './users/user-summary/user-list.projection';
import type { Projection } from './projections/projection';
import { projectionCheckpointsMigration, projectionParkingMigration } from './projections/projections.migration';
import { transferMigration } from './stakes/transfer-stake/transfer.migration';

/** Every read model the ledger keeps, each fed by its own runner and checkpoint. */
export const ALL_PROJECTIONS: readonly Projection[] = [
  householdListProjection,
  statementProjection,
  obligationsProjection,
  fundFlowProjection,
  coverageProjection,
  directoryProjection,
  loanBookProjection,
  holdingsProjection,
  countyContactsProjection,
  reconciliationsProjection,
  collectiveLedgerProjection,
  noticeListProjection,
  userListProjection,
];

/** Their tables, and the checkpoints table. */
export const projectionMigrations: readonly Migration[] = [
  projectionCheckpointsMigration,
  projectionParkingMigration,
  householdListMigration,
  statementMigration,
  statementDividendHouseholdsMigration,
  statementProjectFundSourcesMigration,
  statementAllocationsDroppedMigration,
  statementLoansMigration,
  statementReferencesMigration,
  obligationsMigration,
  guaranteeObligationsMigration,
  fundFlowMigration,
  fundFlowLoansMigration,
  fundFlowTopupsMigration,
  coverageMigration,
  directoryMigration,
  loanBookMigration,
  loanBookVillageMigration,
  holdingsMigration,
  countyContactsMigration,
  obligationsByHouseholdMigration,
  statementBankMigration,
  reconciliationsMigration,
  reconciliationReversalsMigration,
  reconciliationReturnedByMigration,
  collectiveLedgerMigration,
  coverageCollectiveMigration,
  transferMigration,
  noticeListMigration,
  userListMigration,
];
