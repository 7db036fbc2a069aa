import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Database } from '@ledger/runtime';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { ProjectionsHost } from '../../projections/projections-host';
import { loadStatement, STATEMENT_MODELS } from '../statement';
import { acknowledgements, acknowledgementStreamOf } from '../../acknowledgements/acknowledgement.state';
import { AcknowledgeStatementCommand } from './acknowledge-statement.command';
import { decideAcknowledgeStatement } from './acknowledge-statement.decide';

@CommandHandler(AcknowledgeStatementCommand)
export class AcknowledgeStatementHandler implements ICommandHandler<AcknowledgeStatementCommand> {
  constructor(
    private readonly streams: StreamWriter,
    private readonly projections: ProjectionsHost,
    private readonly database: Database,
  ) {}

  async execute(command: AcknowledgeStatementCommand): Promise<WriteResult> {
    const { householdId, through } = command.payload;
    // "As the ledger stands now": the statement's read models first catch up with every event
    // committed so far, so a payment recorded a moment ago changes the total compared.
    await this.projections.waitForHead(STATEMENT_MODELS);
    // loadStatement answers 404 for an unknown household and 403 for one the caller may not read.
    const statement = await loadStatement(
      { pool: this.database.pool, projections: this.projections, streams: this.streams },
      { householdId, to: through },
      command.metadata.actor,
    );
    const streamId = acknowledgementStreamOf(householdId);
    const { events, position } = await this.streams.decide(
      streamId,
      acknowledgements,
      (state) =>
        decideAcknowledgeStatement(command, state, streamId, {
          township: statement.household.township,
          totalFen: statement.totalFen,
        }),
      { ...command.metadata, township: statement.household.township },
    );
    const recorded = events.find((e) => e.type === 'StatementAcknowledged');
    return { id: recorded?.type === 'StatementAcknowledged' ? recorded.data.acknowledgementId : streamId, position };
  }
}
