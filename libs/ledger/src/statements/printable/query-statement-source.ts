import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Actor } from '../../common/actor';
import { GetStatementQuery } from '../get-statement/get-statement.query';
import type { PrintableStatement } from './printable-statement';
import type { StatementLoadOptions, StatementSource } from './statement-printer';

/** The statement query (`GET /v1/households/{id}/statement`) as the printer's source. */
@Injectable()
export class QueryStatementSource implements StatementSource {
  constructor(private readonly queries: QueryBus) {}

  load(householdId: string, options: StatementLoadOptions, actor: Actor): Promise<PrintableStatement> {
    return this.queries.execute(new GetStatementQuery({ householdId, ...options }, actor));
  }
}
