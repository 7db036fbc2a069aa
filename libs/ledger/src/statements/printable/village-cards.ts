import type { Writable } from 'node:stream';
import type { Pool } from 'pg';
import type { Actor } from '../../common/actor';
import { CardsPdf } from './statement-pdf';
import type { PrintRequest, StatementPrinter } from './statement-printer';
import { labelsFor } from './statement-labels';

/** A household of a village, as the household list has it. */
export interface VillageHousehold {
  householdId: string;
  registrationNo: string;
  headName: string;
}

/**
 * The households of a village in registration order (by 建档立卡编号), from the household list read
 * model; `township` narrows it when village names repeat.
 */
export async function villageHouseholds(pool: Pool, village: string, township?: string): Promise<VillageHousehold[]> {
  const { rows } = await pool.query<{ household_id: string; registration_no: string; head_name: string }>(
    `select household_id, registration_no, head_name from household_list
      where village = $1 and ($2::text is null or township = $2)
      order by registration_no`,
    [village, township ?? null],
  );
  return rows.map((r) => ({ householdId: r.household_id, registrationNo: r.registration_no, headName: r.head_name }));
}

/** One household's card printed, or why it could not be. */
export type VillageCardResult =
  | { ok: true; household: VillageHousehold; code: string; totalFen: number }
  | { ok: false; household: VillageHousehold; error: string };

/**
 * A village's cards as one PDF written to `out` as it goes: one card per household, in the order
 * given, each recorded with its own verification code. Memory stays that of one card (each card's
 * pages are flushed once written). `progress` hears of every card. A card that cannot be printed is
 * reported and skipped; the rest still print.
 */
export async function printVillageCards(
  printer: StatementPrinter,
  households: readonly VillageHousehold[],
  request: PrintRequest,
  actor: Actor,
  out: Writable,
  progress: (done: number, total: number, result: VillageCardResult) => void = () => undefined,
): Promise<VillageCardResult[]> {
  const t = labelsFor(request.lang ?? 'zh');
  const cards = new CardsPdf(out, { title: `${t.title} · ${households.length}`, lang: request.lang ?? 'zh' });
  const results: VillageCardResult[] = [];
  for (const [i, household] of households.entries()) {
    let result: VillageCardResult;
    try {
      const printed = await printer.into(cards, household.householdId, request, actor);
      result = { ok: true, household, code: printed.code, totalFen: printed.issue.totalFen };
    } catch (error) {
      result = { ok: false, household, error: error instanceof Error ? error.message : String(error) };
    }
    // Only the outcome is kept, not the statement: a township's cards must not pile up in memory.
    results.push(result);
    progress(i + 1, households.length, result);
  }
  await cards.end();
  return results;
}
