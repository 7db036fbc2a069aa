import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { newStreamId } from '../../common/ids';
import type { CommandMetadata } from '../../common/stream-writer';
import { RequestMetadata } from '../../http/request-context';
import { SignLeaseCommand, type SignLeaseResult } from './sign-lease.command';
import { SignLeaseRequest } from './sign-lease.dto';
import { LedgerWrite } from '../../http/contract/route-contract';

@ApiTags('linkages')
@ApiBearerAuth()
@Controller('v1/leases')
export class SignLeaseController {
  constructor(private readonly commands: CommandBus) {}

  @LedgerWrite({
    summary: 'Sign lease',
    refusals: [
      'LEASE.ALREADY_SIGNED',
      'LEASE.END_NOT_AFTER_START',
      'LEASE.INVALID_AREA',
      'LEASE.NO_RENT_DUE',
      'LEASE.RENT_TOO_LARGE',
      'LEASE.UNKNOWN_ENTITY',
      'LEASE.UNKNOWN_HOUSEHOLD',
    ],
  })
  @Post()
  sign(@Body() body: SignLeaseRequest, @RequestMetadata() metadata: CommandMetadata): Promise<SignLeaseResult> {
    return this.commands.execute(new SignLeaseCommand({ ...body, leaseId: newStreamId('lease', metadata) }, metadata));
  }
}
