import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import { Database } from '@ledger/runtime';
import { SealProofs } from '@ledger/event-store/seals/seal-proofs';
import type { PaymentProof } from '@ledger/event-store/seals/merkle';
import type { Actor } from '../../common/actor';
import { AllowedRoles, StatementLinkAllowed } from '../../http/auth.guard';
import { CurrentActor } from '../../http/request-context';
import { loadPaymentProof } from './payment-proof';
import { LedgerQuery } from '../../http/contract/route-contract';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/payments')
export class PaymentProofController {
  constructor(
    private readonly database: Database,
    private readonly proofs: SealProofs,
  ) {}

  /** A Merkle inclusion proof of the payment's event in a sealed range (404 until sealed), checkable offline. */
  @AllowedRoles('admin', 'clerk', 'auditor', 'household')
  @StatementLinkAllowed()
  @LedgerQuery({
    summary: 'Get a payment proof',
    view: 'PaymentProof',
    refusals: ['PAYMENT.NOT_FOUND', 'PAYMENT.NOT_SEALED', 'AUTH.NOT_YOURS'],
  })
  @Get(':paymentId/proof')
  @ApiParam({ name: 'paymentId', example: 'lease-7c9e6679-7425-50de-944b-e07fc1f90ae7.p1' })
  proof(@Param('paymentId') paymentId: string, @CurrentActor() actor: Actor): Promise<PaymentProof> {
    return loadPaymentProof(this.database.pool, this.proofs, paymentId, actor);
  }
}
