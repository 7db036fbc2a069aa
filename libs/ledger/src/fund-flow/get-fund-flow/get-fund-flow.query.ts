import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/actor';
import type { GetFundFlowRequest } from './get-fund-flow.dto';
import type { FundFlowReport } from './fund-flow.view';

export class GetFundFlowQuery extends Query<FundFlowReport> {
  constructor(
    readonly filter: GetFundFlowRequest,
    readonly actor: Actor,
  ) {
    super();
  }
}
