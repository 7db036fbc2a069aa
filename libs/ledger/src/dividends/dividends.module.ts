import { Module } from '@nestjs/common';
import { DeclareDividendController } from './declare-dividend/declare-dividend.controller';
import { DeclareDividendHandler } from './declare-dividend/declare-dividend.handler';
import { GetDividendController } from './get-dividend/get-dividend.controller';
import { GetDividendHandler } from './get-dividend/get-dividend.handler';
import { PayDividendController } from './pay-dividend/pay-dividend.controller';
import { PayDividendHandler } from './pay-dividend/pay-dividend.handler';

/** Dividend declarations (分红) split over stakes, and the payments made against them. */
@Module({
  controllers: [DeclareDividendController, PayDividendController, GetDividendController],
  providers: [DeclareDividendHandler, PayDividendHandler, GetDividendHandler],
})
export class DividendsModule {}
