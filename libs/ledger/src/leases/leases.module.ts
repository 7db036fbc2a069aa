import { Module } from '@nestjs/common';

/** Land leases (土地流转): signing with a rent schedule, rent payments per period, early end. */
@Module({
  controllers: [],
  providers: [],
})
export class LeasesModule {}
