import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { newStreamId } from '../../common/ids';
import type { CommandMetadata } from '../../common/stream-writer';
import { RequestMetadata } from '../../http/request-context';
import { SignLeaseCommand, type SignLeaseResult } from './sign-lease.command';
import { SignLeaseRequest } from './sign-lease.dto';

@ApiTags('linkages')
@ApiBearerAuth()
@Controller('v1/leases')
export class SignLeaseController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  sign(@Body() body: SignLeaseRequest, @RequestMetadata() metadata: CommandMetadata): Promise<SignLeaseResult> {
    return this.commands.execute(new SignLeaseCommand({ ...body, leaseId: newStreamId('lease', metadata) }, metadata));
  }
}
