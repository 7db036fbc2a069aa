import { Module } from '@nestjs/common';

/** Employment of household members (劳务联结) and monthly wage payments. */
@Module({
  controllers: [],
  providers: [],
})
export class EmploymentModule {}
