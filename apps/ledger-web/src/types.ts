/**
 * The shapes of the API's answers that the console reads: the API's own view types from its one
 * contract module (`@ledger/contract`, types only, erased from the bundle), so the console cannot
 * drift from what the API answers. The aliases are the console's names for them.
 */

export type {
  HouseholdSummary as Household,
  HouseholdView,
  Statement,
  StatementLine,
  ObligationItem as Obligation,
  ObligationsView as Obligations,
  FundFlowView as FundFlow,
  CountyFundFlowView as CountyFundFlow,
  FundFlowHouseholdPlace,
  ArrearsView,
  EntityArrears,
  EntityReportView,
  StakeHolding,
  Coverage,
  CoverageRow,
  EntityListItem,
  HouseholdLinkage,
  ProjectListItem,
  LeaseView,
  DividendView,
  LoanHolding,
  LoanView,
  LoanRepaymentView,
  LoanBook,
  LoanBookItem,
  Page,
  ImportReport,
  ImportRowError,
  CollectiveView,
  NoticeView,
  NoticeList,
  NoticeSummary,
  NoticeRowView,
  ObjectionView,
  AcknowledgementView,
  GrievanceView,
} from '@ledger/contract';
