import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Database } from '@ledger/runtime';
import { StreamWriter } from '../../common/stream-writer';
import { ProjectionsHost } from '../../projections/projections-host';
import { loadStatement } from '../statement';
import type { Statement } from '../statement.view';
import { GetStatementQuery } from './get-statement.query';

/** Reads a household's statement from the statement projection: one indexed select. */
@QueryHandler(GetStatementQuery)
export class GetStatementHandler implements IQueryHandler<GetStatementQuery> {
  constructor(
    private readonly database: Database,
    private readonly projections: ProjectionsHost,
    private readonly streams: StreamWriter,
  ) {}

  execute({ request, actor }: GetStatementQuery): Promise<Statement> {
    return loadStatement(
      { pool: this.database.pool, projections: this.projections, streams: this.streams },
      request,
      actor,
    );
  }
}
