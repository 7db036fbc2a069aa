import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { entity } from '../../entities/entity.state';
import { household } from '../../households/household.state';
import { project } from '../../projects/project.state';
import { loan } from '../loan.state';
import { RecordLoanCommand } from './record-loan.command';
import { decideRecordLoan, type RecordLoanParties } from './record-loan.decide';

@CommandHandler(RecordLoanCommand)
export class RecordLoanHandler implements ICommandHandler<RecordLoanCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: RecordLoanCommand): Promise<WriteResult> {
    const { loanId, householdId, entityId, subsidy } = command.payload;
    const projectId = subsidy?.payer === 'project' ? subsidy.projectId : undefined;
    const [h, e, p] = await Promise.all([
      this.streams.read(householdId, household),
      entityId === undefined ? undefined : this.streams.read(entityId, entity),
      projectId === undefined ? undefined : this.streams.read(projectId, project),
    ]);
    const parties: RecordLoanParties = {
      household:
        h.state.status === 'registered'
          ? { householdId, township: h.state.township, county: h.state.county }
          : undefined,
      entity: e?.state.status === 'registered' ? { entityId: e.state.entityId, name: e.state.name } : undefined,
      project: p?.state.status === 'registered' ? { projectId: p.state.projectId } : undefined,
    };
    const { position } = await this.streams.decide(loanId, loan, (state) => decideRecordLoan(command, state, parties), {
      ...command.metadata,
      township: parties.household?.township,
    });
    return { id: loanId, position };
  }
}
