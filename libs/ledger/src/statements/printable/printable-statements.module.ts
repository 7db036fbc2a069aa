import { Module } from '@nestjs/common';
import { RuntimeConfig } from '@ledger/runtime';
import { TokenIssuer } from '../../auth/tokens';
import { phoneLinkFor } from './phone-link';
import { PrintStatementController } from './print-statement.controller';
import { QueryStatementSource } from './query-statement-source';
import {
  STATEMENT_PRINTER_OPTIONS,
  STATEMENT_SOURCE,
  StatementPrinter,
  type StatementPrinterOptions,
} from './statement-printer';

/**
 * Printable clarity cards (收益明白卡): `GET /v1/households/{id}/statement.html|.pdf` and
 * `GET /v1/statements/verify/{code}`, reading statements through the statement query. Each card
 * carries a QR code of the household's phone link (a signed token valid `LEDGER_STATEMENT_LINK_DAYS`
 * days, for that household's statement only). Needs the `statement_issues` table (`statementIssuesMigration`).
 */
@Module({
  controllers: [PrintStatementController],
  providers: [
    StatementPrinter,
    { provide: STATEMENT_SOURCE, useClass: QueryStatementSource },
    {
      provide: STATEMENT_PRINTER_OPTIONS,
      inject: [TokenIssuer, RuntimeConfig],
      useFactory: (tokens: TokenIssuer, config: RuntimeConfig): StatementPrinterOptions => ({
        phoneLink: (householdId, consoleUrl, issuedAt) =>
          phoneLinkFor(
            tokens,
            householdId,
            config.LEDGER_PUBLIC_URL ?? consoleUrl,
            issuedAt,
            config.LEDGER_STATEMENT_LINK_DAYS,
          ),
      }),
    },
  ],
  exports: [StatementPrinter],
})
export class PrintableStatementsModule {}
