import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../common/actor';
import { CurrentActor } from '../../http/request-context';
import { LeaseIdPipe } from '../lease-id';
import { GetLeaseQuery } from './get-lease.query';
import type { LeaseView } from './lease.view';
import { LedgerQuery } from '../../http/contract/route-contract';

@ApiTags('linkages')
@ApiBearerAuth()
@Controller('v1/leases')
export class GetLeaseController {
  constructor(private readonly queries: QueryBus) {}

  @LedgerQuery({ summary: 'Get lease', view: 'LeaseView' })
  @Get(':id')
  get(@Param('id', LeaseIdPipe) leaseId: string, @CurrentActor() actor: Actor): Promise<LeaseView> {
    return this.queries.execute(new GetLeaseQuery(leaseId, actor));
  }
}
