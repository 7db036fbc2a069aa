import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { RequestMetadata } from '../../http/request-context';
import { LeaseIdPipe } from '../lease-id';
import { RecordRentPaymentCommand } from './record-rent-payment.command';
import { RecordRentPaymentRequest } from './record-rent-payment.dto';
import { LedgerWrite } from '../../http/contract/route-contract';

@ApiTags('linkages')
@ApiBearerAuth()
@Controller('v1/leases')
export class RecordRentPaymentController {
  constructor(private readonly commands: CommandBus) {}

  @LedgerWrite({
    summary: 'Record rent payment',
    refusals: [
      'LEASE.OVERPAYMENT',
      'LEASE.PAID_BEFORE_START',
      'LEASE.PERIOD_ALREADY_PAID',
      'LEASE.PERIOD_NOT_IN_SCHEDULE',
    ],
  })
  @Post(':id/payments')
  pay(
    @Param('id', LeaseIdPipe) leaseId: string,
    @Body() body: RecordRentPaymentRequest,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<WriteResult> {
    return this.commands.execute(new RecordRentPaymentCommand({ leaseId, ...body }, metadata));
  }
}
