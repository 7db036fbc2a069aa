import { holderFields, holderOf } from '../../stakes/stake-holder';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import { entity } from '../../entities/entity.state';
import { dividend } from '../dividend.state';
import { DeclareDividendCommand, type DeclareDividendResult } from './declare-dividend.command';
import { decideDeclareDividend } from './declare-dividend.decide';

@CommandHandler(DeclareDividendCommand)
export class DeclareDividendHandler implements ICommandHandler<DeclareDividendCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: DeclareDividendCommand): Promise<DeclareDividendResult> {
    const { declarationId, entityId } = command.payload;
    const { state: current } = await this.streams.read(entityId, entity);
    const { events, position } = await this.streams.decide(
      declarationId,
      dividend,
      (state) => decideDeclareDividend(command, state, current),
      { ...command.metadata, ...(current.status === 'registered' ? { township: current.township } : {}) },
    );
    const declared = events.find((e) => e.type === 'DividendDeclared');
    const allocations =
      declared?.type === 'DividendDeclared'
        ? declared.data.allocations.map((a) => ({
            stakeId: a.stakeId,
            ...holderFields(holderOf(a)),
            amountFen: a.amountFen,
          }))
        : [];
    return { id: declarationId, position, allocations };
  }
}
