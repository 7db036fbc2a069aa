import { nameBasedUuid } from '../common/ids';
import { IdPipe } from '../http/id.pipe';

export const DistributionIdPipe = IdPipe('distribution', '二次分配方案');

/**
 * The id of a collective's n-th distribution. Numbering them per collective makes two declarations
 * that both read n − 1 earlier pools meet on one stream: the second is refused (409) instead of
 * spending the same income twice.
 */
export const distributionIdFor = (collectiveId: string, ordinal: number): string =>
  `distribution-${nameBasedUuid('distribution', collectiveId, String(ordinal))}`;
