import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { CurrentActor } from '../../http/request-context';
import { EmploymentIdPipe } from '../employment-id';
import type { EmploymentView } from './employment.view';
import { GetEmploymentQuery } from './get-employment.query';
import { LedgerQuery } from '../../http/contract/route-contract';

@ApiTags('linkages')
@ApiBearerAuth()
@Controller('v1/employments')
export class GetEmploymentController {
  constructor(private readonly queries: QueryBus) {}

  @LedgerQuery({ summary: 'Get employment', view: 'EmploymentView' })
  @Get(':id')
  get(@Param('id', EmploymentIdPipe) employmentId: string, @CurrentActor() actor: Actor): Promise<EmploymentView> {
    return this.queries.execute(new GetEmploymentQuery(employmentId, actor));
  }
}
