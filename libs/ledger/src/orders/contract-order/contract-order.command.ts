import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';

/** Record an order contract: an entity will buy a household's produce at an agreed price (订单联结). */
export class ContractOrderCommand extends Command<WriteResult> {
  constructor(
    readonly payload: {
      orderId: string;
      entityId: string;
      householdId: string;
      product: string;
      unit: string;
      priceFen: number;
      startsOn: string;
      endsOn: string;
    },
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
