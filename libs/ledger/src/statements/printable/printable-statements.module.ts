import { Module } from '@nestjs/common';
import { PrintStatementController } from './print-statement.controller';
import { QueryStatementSource } from './query-statement-source';
import { STATEMENT_SOURCE, StatementPrinter } from './statement-printer';

/**
 * Printable clarity cards (收益明白卡): `GET /v1/households/{id}/statement.html|.pdf` and
 * `GET /v1/statements/verify/{code}`, reading statements through the statement query.
 * Needs the `statement_issues` table (`statementIssuesMigration`).
 */
@Module({
  controllers: [PrintStatementController],
  providers: [StatementPrinter, { provide: STATEMENT_SOURCE, useClass: QueryStatementSource }],
  exports: [StatementPrinter],
})
export class PrintableStatementsModule {}
