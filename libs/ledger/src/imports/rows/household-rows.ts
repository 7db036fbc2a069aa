import { assertMayWriteIn } from '../../common/actor';
import { DomainError } from '../../common/domain-error';
import type { HouseholdEntry, LinkageDirectory } from '../linkage-directory';
import { refuseRow } from './row-plan';

/**
 * The registered household a row names by registration number, refusing the row (on that column)
 * when nobody registered it or the caller may not write for its township: the same
 * `assertMayWriteIn` the decide functions apply, asked before anything else about the household
 * is looked up.
 */
export async function householdOfRow(
  directory: LinkageDirectory,
  registrationNo: string,
  actor: Parameters<typeof assertMayWriteIn>[0],
): Promise<HouseholdEntry> {
  const found = await directory.household(registrationNo);
  if (!found) {
    throw refuseRow(
      'registrationNo',
      'IMPORT.UNKNOWN_HOUSEHOLD',
      `No household is registered under ${registrationNo}; register it first or correct the number.`,
      `户编号 ${registrationNo} 没有登记的农户，请先登记该户或更正户编号。`,
    );
  }
  try {
    assertMayWriteIn(actor, found.township);
  } catch (error) {
    if (error instanceof DomainError) throw refuseRow('registrationNo', error.code, error.message, error.messageZh);
    throw error;
  }
  return found;
}
