import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { CurrentActor } from '../../http/request-context';
import { ProjectIdPipe } from '../project-id';
import { GetProjectQuery } from './get-project.query';
import type { ProjectView } from './project.view';
import { AllowedRoles } from '../../http/auth.guard';
import { LedgerQuery } from '../../http/contract/route-contract';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('v1/projects')
export class GetProjectController {
  constructor(private readonly queries: QueryBus) {}

  @AllowedRoles('admin', 'auditor')
  @LedgerQuery({ summary: 'Get project', view: 'ProjectView', refusals: ['AUTH.NOT_YOURS', 'PROJECT.NOT_FOUND'] })
  @Get(':id')
  get(@Param('id', ProjectIdPipe) projectId: string, @CurrentActor() actor: Actor): Promise<ProjectView> {
    return this.queries.execute(new GetProjectQuery(projectId, actor));
  }
}
