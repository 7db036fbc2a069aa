import { Module } from '@nestjs/common';

/** Projects (扶贫项目): registration, funds received by source, disbursements to entities. */
@Module({
  controllers: [],
  providers: [],
})
export class ProjectsModule {}
