import { Module } from '@nestjs/common';
import { DeclareDistributionController } from './declare-distribution/declare-distribution.controller';
import { DeclareDistributionHandler } from './declare-distribution/declare-distribution.handler';
import { GetCollectiveController } from './get-collective/get-collective.controller';
import { GetCollectiveHandler } from './get-collective/get-collective.handler';
import { PayDistributionController } from './pay-distribution/pay-distribution.controller';
import { PayDistributionHandler } from './pay-distribution/pay-distribution.handler';

/** The village collective as a stakeholder: its income, its distributions (二次分配) and their payments. */
@Module({
  controllers: [DeclareDistributionController, PayDistributionController, GetCollectiveController],
  providers: [DeclareDistributionHandler, PayDistributionHandler, GetCollectiveHandler],
})
export class CollectivesModule {}
