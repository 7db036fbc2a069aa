import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/actor';
import type { DividendView } from './dividend.view';

export class GetDividendQuery extends Query<DividendView> {
  constructor(
    readonly declarationId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
