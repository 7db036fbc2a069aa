import { Module } from '@nestjs/common';
import { DisburseProjectFundsController } from './disburse-project-funds/disburse-project-funds.controller';
import { DisburseProjectFundsHandler } from './disburse-project-funds/disburse-project-funds.handler';
import { GetProjectController } from './get-project/get-project.controller';
import { GetProjectHandler } from './get-project/get-project.handler';
import { ReceiveProjectFundsController } from './receive-project-funds/receive-project-funds.controller';
import { ReceiveProjectFundsHandler } from './receive-project-funds/receive-project-funds.handler';
import { RegisterProjectController } from './register-project/register-project.controller';
import { RegisterProjectHandler } from './register-project/register-project.handler';

/** Projects (扶贫项目): registration, funds received by source, disbursements to entities. */
@Module({
  controllers: [
    RegisterProjectController,
    ReceiveProjectFundsController,
    DisburseProjectFundsController,
    GetProjectController,
  ],
  providers: [RegisterProjectHandler, ReceiveProjectFundsHandler, DisburseProjectFundsHandler, GetProjectHandler],
})
export class ProjectsModule {}
