import { nameBasedUuid, newStreamId } from '../common/ids';
import { IdPipe } from '../http/id.pipe';

export const DividendIdPipe = IdPipe('dividend', '分红方案');

/**
 * The declaration's id. An entity's declaration for a period has one id, so declaring the same period
 * twice meets the first declaration instead of allocating the dividend a second time (a duplicate an
 * auditor would otherwise have to find); a supplementary declaration (补充分红) gets an id of its own.
 */
export function declarationIdFor(
  entityId: string,
  period: string,
  supplementary: boolean | undefined,
  command: { commandId: string },
): string {
  return supplementary ? newStreamId('dividend', command) : `dividend-${nameBasedUuid('dividend', entityId, period)}`;
}
