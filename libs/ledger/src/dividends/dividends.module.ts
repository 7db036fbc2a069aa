import { Module } from '@nestjs/common';

/** Dividend declarations (分红) split over stakes, and the payments made against them. */
@Module({
  controllers: [],
  providers: [],
})
export class DividendsModule {}
