import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LedgerCommonModule } from './ledger-common.module';
import { AcknowledgementsModule } from './acknowledgements/acknowledgements.module';
import { AuditModule } from './audit/audit.module';
import { CollectivesModule } from './collectives/collectives.module';
import { CountiesModule } from './counties/counties.module';
import { CoverageModule } from './coverage/coverage.module';
import { DirectoryModule } from './directory/directory.module';
import { DividendsModule } from './dividends/dividends.module';
import { EmploymentModule } from './employment/employment.module';
import { EntitiesModule } from './entities/entities.module';
import { HouseholdsModule } from './households/households.module';
import { ImportsModule } from './imports/imports.module';
import { LeasesModule } from './leases/leases.module';
import { LoansModule } from './loans/loans.module';
import { NoticesModule } from './notices/notices.module';
import { OrdersModule } from './orders/orders.module';
import { ObligationsModule } from './obligations/obligations.module';
import { FundFlowModule } from './fund-flow/fund-flow.module';
import { PaymentsModule } from './payments/payments.module';
import { ProjectsModule } from './projects/projects.module';
import { ReconciliationsModule } from './reconciliations/reconciliations.module';
import { StakesModule } from './stakes/stakes.module';
import { PrintableStatementsModule } from './statements/printable/printable-statements.module';
import { StatementsModule } from './statements/statements.module';
import { UsersModule } from './users/users.module';

/** The write side and the queries of the ledger, one module per capability. */
@Module({
  imports: [
    CqrsModule.forRoot(),
    LedgerCommonModule,
    UsersModule,
    HouseholdsModule,
    EntitiesModule,
    ProjectsModule,
    StakesModule,
    DividendsModule,
    CollectivesModule,
    LeasesModule,
    LoansModule,
    EmploymentModule,
    OrdersModule,
    PaymentsModule,
    StatementsModule,
    PrintableStatementsModule,
    ObligationsModule,
    FundFlowModule,
    CoverageModule,
    AuditModule,
    ImportsModule,
    DirectoryModule,
    CountiesModule,
    ReconciliationsModule,
    NoticesModule,
    AcknowledgementsModule,
  ],
  exports: [LedgerCommonModule],
})
export class LedgerModule {}
