/*
 * The answers of the API's reads, by the name a route declares (`@LedgerQuery({ view: 'Statement' })`).
 * Types only: `npm run openapi` makes each entry a schema of the OpenAPI document's
 * components.schemas from the TypeScript type itself (ts-json-schema-generator), so the document
 * says what the code answers and the e2e replay checks each answer against it. A route names its
 * view from this list (a type error otherwise); a new view is one line here.
 */
import type { PaymentProof } from '@ledger/event-store/seals/merkle';
import type { GrievanceList } from '../../acknowledgements/acknowledgement.view';
import type { LogVerification } from '../../audit/verify-log';
import type { SealList } from '../../audit/seals.controller';
import type { CollectiveView } from '../../collectives/get-collective/collective.view';
import type { Page } from '../../common/page.view';
import type { SetContactResult } from '../../counties/set-contact/set-contact.command';
import type { Coverage } from '../../coverage/coverage.view';
import type { PaymentsMonth } from '../../coverage/payments-month/payments-month.view';
import type { EntityListItem, HouseholdLinkages, ProjectListItem } from '../../directory/directory.view';
import type { DividendView } from '../../dividends/get-dividend/dividend.view';
import type { EmploymentView } from '../../employment/get-employment/employment.view';
import type { EntityReportView } from '../../statements/get-entity-report/entity-report.view';
import type { EntityView } from '../../entities/get-entity/entity.view';
import type { CountyFundFlowView, FundFlowView } from '../../fund-flow/get-fund-flow/fund-flow.view';
import type { HouseholdListItem, HouseholdView } from '../../households/get-household/household.view';
import type { ImportReport } from '../../imports/import-report.view';
import type { LeaseView } from '../../leases/get-lease/lease.view';
import type { LoanView } from '../../loans/get-loan/loan.view';
import type { LoanBook } from '../../loans/loan-book/loan-book.view';
import type { NoticeList, NoticePreview, NoticeView, ObjectionList } from '../../notices/notice.view';
import type { ArrearsView } from '../../obligations/get-arrears/arrears.view';
import type { HouseholdObligationsView } from '../../obligations/get-household-obligations/household-obligations.view';
import type { ObligationsView } from '../../obligations/get-obligations/obligations.view';
import type { OrderView } from '../../orders/get-order/order.view';
import type { ProjectView } from '../../projects/get-project/project.view';
import type { ReconciliationList, ReconciliationView } from '../../reconciliations/reconciliation.view';
import type { StatementVerification } from '../../statements/printable/statement-codes';
import type { Statement } from '../../statements/statement.view';
import type { MeView } from '../../users/me/me.controller';
import type { UserSummary } from '../../users/user-summary/user-summary.view';

/** Each answer under its schema's name: the type's own name, or a name for a generic or a union. */
export interface QueryViews {
  ArrearsView: ArrearsView;
  CollectiveView: CollectiveView;
  Coverage: Coverage;
  DividendView: DividendView;
  EmploymentView: EmploymentView;
  EntityPage: Page<EntityListItem>;
  EntityReportView: EntityReportView;
  EntityView: EntityView;
  /** One project's fund flow (`projectId` given), or every project's of the county. */
  FundFlow: FundFlowView | CountyFundFlowView;
  GrievanceList: GrievanceList;
  HouseholdLinkages: HouseholdLinkages;
  HouseholdObligationsView: HouseholdObligationsView;
  HouseholdPage: Page<HouseholdListItem>;
  HouseholdView: HouseholdView;
  ImportReport: ImportReport;
  LeaseView: LeaseView;
  LoanBook: LoanBook;
  LoanView: LoanView;
  LogVerification: LogVerification;
  MeView: MeView;
  NoticeList: NoticeList;
  NoticePreview: NoticePreview;
  NoticeView: NoticeView;
  ObjectionList: ObjectionList;
  ObligationsView: ObligationsView;
  OrderView: OrderView;
  PaymentProof: PaymentProof;
  PaymentsMonth: PaymentsMonth;
  ProjectPage: Page<ProjectListItem>;
  ProjectView: ProjectView;
  ReconciliationList: ReconciliationList;
  ReconciliationView: ReconciliationView;
  SealList: SealList;
  /** A county's contact as set (`PUT /v1/counties/{county}/contact`). */
  SetContactResult: SetContactResult;
  Statement: Statement;
  StatementVerification: StatementVerification;
  UserSummary: UserSummary;
}

/** The name a route gives its answer. */
export type QueryViewName = keyof QueryViews;
