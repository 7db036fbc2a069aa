import { Module } from '@nestjs/common';

/** Equity stakes (股份联结) held for households in entities: acquisition and end. */
@Module({
  controllers: [],
  providers: [],
})
export class StakesModule {}
