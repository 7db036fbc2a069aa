import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/actor';
import type { ArrearsView } from './arrears.view';
import type { GetArrearsRequest } from './get-arrears.dto';

export class GetArrearsQuery extends Query<ArrearsView> {
  constructor(
    readonly filter: GetArrearsRequest,
    readonly actor: Actor,
    /** Every entity of the filter on one page (the CSV). */
    readonly everyPage = false,
  ) {
    super();
  }
}
