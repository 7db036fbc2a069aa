import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import { RequestMetadata } from '../../http/request-context';
import { LeaseIdPipe } from '../lease-id';
import { EndLeaseCommand, type EndLeaseResult } from './end-lease.command';
import { EndLeaseRequest } from './end-lease.dto';
import { LedgerWrite } from '../../http/contract/route-contract';

@ApiTags('linkages')
@ApiBearerAuth()
@Controller('v1/leases')
export class EndLeaseController {
  constructor(private readonly commands: CommandBus) {}

  @LedgerWrite({
    summary: 'End lease',
    refusals: ['LEASE.ALREADY_ENDED', 'LEASE.END_BEFORE_PAID_PERIOD', 'LEASE.END_OUTSIDE_TERM'],
  })
  @Post(':id/end')
  end(
    @Param('id', LeaseIdPipe) leaseId: string,
    @Body() body: EndLeaseRequest,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<EndLeaseResult> {
    return this.commands.execute(new EndLeaseCommand({ leaseId, ...body }, metadata));
  }
}
