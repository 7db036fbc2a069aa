import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/actor';
import type { StatementRequest } from '../statement';
import type { Statement } from '../statement.view';

/** A household's statement (明白卡): every payment it received, explained, as of an instant. */
export class GetStatementQuery extends Query<Statement> {
  constructor(
    readonly request: StatementRequest,
    readonly actor: Actor,
  ) {
    super();
  }
}
