import { assertMayWriteIn } from '../../common/actor';
import { forbidden, refuse } from '../../common/domain-error';
import { formatYuan } from '../../primitives/money';
import type { StatementAcknowledged } from '../../acknowledgements/acknowledgement.events';
import { acknowledgementIdFor, type AcknowledgementState } from '../../acknowledgements/acknowledgement.state';
import type { AcknowledgeStatementCommand } from './acknowledge-statement.command';

/** The household as its stream says, and its statement's total to `through` now (read by the handler). */
export interface AcknowledgedStatement {
  township: string;
  totalFen: number;
}

/**
 * The household itself (its own token) or a clerk of its township on its behalf records that the
 * card was confirmed or disputed; refused when the ledger's total to `through` is no longer the one
 * on the card (a payment recorded or reversed since it was printed).
 */
export function decideAcknowledgeStatement(
  command: AcknowledgeStatementCommand,
  state: AcknowledgementState,
  streamId: string,
  statement: AcknowledgedStatement,
): StatementAcknowledged[] {
  const { payload, metadata } = command;
  const { actor } = metadata;
  if (actor.role === 'household') {
    if (actor.householdId !== payload.householdId) {
      throw forbidden(
        'AUTH.NOT_YOURS',
        'A household acknowledges its own statement only.',
        '农户只能确认本户的收益明白卡。',
      );
    }
  } else {
    assertMayWriteIn(actor, statement.township);
  }
  if (payload.totalFen !== statement.totalFen) {
    throw refuse(
      'ACKNOWLEDGEMENT.FIGURES_CHANGED',
      `The figures changed; print the card again: the statement to ${payload.through} now totals ${formatYuan(statement.totalFen)} yuan, not ${formatYuan(payload.totalFen)}.`,
      `账目已有变动，请重新打印明白卡：截至 ${payload.through} 的合计现为 ${formatYuan(statement.totalFen)} 元，不是 ${formatYuan(payload.totalFen)} 元。`,
    );
  }
  return [
    {
      type: 'StatementAcknowledged',
      data: {
        acknowledgementId: acknowledgementIdFor(streamId, state.acknowledgements.length + 1),
        householdId: payload.householdId,
        through: payload.through,
        totalFen: payload.totalFen,
        method: payload.method,
        acknowledgedOn: payload.acknowledgedOn,
        disputed: payload.disputed === true,
        ...(payload.comment === undefined ? {} : { comment: payload.comment }),
      },
    },
  ];
}
