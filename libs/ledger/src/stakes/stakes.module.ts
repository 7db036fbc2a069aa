import { Module } from '@nestjs/common';
import { AcquireStakeController } from './acquire-stake/acquire-stake.controller';
import { AcquireStakeHandler } from './acquire-stake/acquire-stake.handler';
import { EndStakeController } from './end-stake/end-stake.controller';
import { EndStakeHandler } from './end-stake/end-stake.handler';

/** Equity stakes (股份联结) held for households in entities: acquisition and end. */
@Module({
  controllers: [AcquireStakeController, EndStakeController],
  providers: [AcquireStakeHandler, EndStakeHandler],
})
export class StakesModule {}
