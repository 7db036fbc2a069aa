import { assertAdmin } from '../../common/actor';
import { notFound, refuse } from '../../common/domain-error';
import { formatYuan, MAX_FEN } from '../../primitives/money';
import type { ProjectEvent } from '../project.events';
import { fundIdFor, type ProjectState } from '../project.state';
import type { ReceiveProjectFundsCommand } from './receive-project-funds.command';

export function decideReceiveProjectFunds(command: ReceiveProjectFundsCommand, state: ProjectState): ProjectEvent[] {
  const { payload, metadata } = command;
  assertAdmin(metadata.actor);
  if (state.status !== 'registered') {
    throw notFound(
      'PROJECT.NOT_FOUND',
      `No project ${payload.projectId}.`,
      `没有编号为 ${payload.projectId} 的扶贫项目。`,
    );
  }
  if (state.receivedFen + payload.amountFen > MAX_FEN) {
    throw refuse(
      'PROJECT.FUNDS_TOO_LARGE',
      `The project has received ${formatYuan(state.receivedFen)} yuan; another ${formatYuan(payload.amountFen)} would exceed what the ledger can hold.`,
      `该项目已到位资金 ${formatYuan(state.receivedFen)} 元，再记入 ${formatYuan(payload.amountFen)} 元将超出账本可记录的金额。`,
    );
  }
  return [
    {
      type: 'ProjectFundsReceived',
      data: { ...payload, fundId: fundIdFor(payload.projectId, state.funds.length + 1) },
    },
  ];
}
