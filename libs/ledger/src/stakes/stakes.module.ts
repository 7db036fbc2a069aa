import { Module } from '@nestjs/common';
import { AcquireStakeController } from './acquire-stake/acquire-stake.controller';
import { AcquireStakeHandler } from './acquire-stake/acquire-stake.handler';
import { EndStakeController } from './end-stake/end-stake.controller';
import { EndStakeHandler } from './end-stake/end-stake.handler';
import { TopUpGuaranteeController } from './top-up-guarantee/top-up-guarantee.controller';
import { TopUpGuaranteeHandler } from './top-up-guarantee/top-up-guarantee.handler';
import { TransferStakeController } from './transfer-stake/transfer-stake.controller';
import { TransferStakeHandler } from './transfer-stake/transfer-stake.handler';

/** Equity stakes (股份联结) held for households in entities: acquisition, end, guarantee top-ups (保底补足),
 * re-allocation to another household (动态调整). */
@Module({
  controllers: [AcquireStakeController, EndStakeController, TopUpGuaranteeController, TransferStakeController],
  providers: [AcquireStakeHandler, EndStakeHandler, TopUpGuaranteeHandler, TransferStakeHandler],
})
export class StakesModule {}
