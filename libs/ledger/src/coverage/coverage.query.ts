import { Query } from '@nestjs/cqrs';
import type { Actor } from '../common/actor';
import type { CoverageRequest } from './coverage.dto';
import type { Coverage } from './coverage.view';

export class GetCoverageQuery extends Query<Coverage> {
  constructor(
    readonly filter: CoverageRequest,
    readonly actor: Actor,
    /** Today in China time, from the controller's clock. */
    readonly today: string,
  ) {
    super();
  }
}
