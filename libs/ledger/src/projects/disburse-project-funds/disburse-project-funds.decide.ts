import { assertAdmin } from '../../common/actor';
import { notFound, refuse } from '../../common/domain-error';
import type { EntityState } from '../../entities/entity.state';
import { formatYuan } from '../../primitives/money';
import type { ProjectEvent } from '../project.events';
import { availableFen, disbursementIdFor, type ProjectState } from '../project.state';
import type { DisburseProjectFundsCommand } from './disburse-project-funds.command';

/**
 * Disburses project money to an entity. `recipient` is the state of the entity named as `entityId`
 * (read by the handler). A project cannot pass on more than it received and has not yet passed on.
 */
export function decideDisburseProjectFunds(
  command: DisburseProjectFundsCommand,
  state: ProjectState,
  recipient: EntityState,
): ProjectEvent[] {
  const { payload, metadata } = command;
  assertAdmin(metadata.actor);
  if (state.status !== 'registered') {
    throw notFound(
      'PROJECT.NOT_FOUND',
      `No project ${payload.projectId}.`,
      `没有编号为 ${payload.projectId} 的扶贫项目。`,
    );
  }
  if (recipient.status !== 'registered') {
    throw refuse(
      'PROJECT.UNKNOWN_ENTITY',
      `No entity ${payload.entityId} is registered; register the entity before disbursing to it.`,
      `经营主体 ${payload.entityId} 未登记，请先登记再拨付资金。`,
    );
  }
  const available = availableFen(state);
  if (payload.amountFen > available) {
    throw refuse(
      'PROJECT.DISBURSEMENT_EXCEEDS_FUNDS',
      `The project has received ${formatYuan(state.receivedFen)} yuan and disbursed ${formatYuan(state.disbursedFen)}; ` +
        `only ${formatYuan(available)} yuan is left, less than the ${formatYuan(payload.amountFen)} asked.`,
      `该项目到位资金 ${formatYuan(state.receivedFen)} 元，已拨付 ${formatYuan(state.disbursedFen)} 元，` +
        `仅剩 ${formatYuan(available)} 元，不足本次拨付的 ${formatYuan(payload.amountFen)} 元。`,
    );
  }
  return [
    {
      type: 'ProjectFundsDisbursed',
      data: {
        projectId: payload.projectId,
        disbursementId: disbursementIdFor(payload.projectId, state.disbursements.length + 1),
        entityId: payload.entityId,
        entityName: recipient.name,
        amountFen: payload.amountFen,
        purpose: payload.purpose,
        disbursedOn: payload.disbursedOn,
      },
    },
  ];
}
