import { Module } from '@nestjs/common';
import { GetStatementController } from './get-statement/get-statement.controller';
import { GetStatementHandler } from './get-statement/get-statement.handler';

/** Household statements (明白卡): what each household received, from whom and why, as of any date. */
@Module({
  controllers: [GetStatementController],
  providers: [GetStatementHandler],
  exports: [GetStatementHandler],
})
export class StatementsModule {}
