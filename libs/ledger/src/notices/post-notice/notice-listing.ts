import type { Pool } from 'pg';
import type { StreamWriter } from '../../common/stream-writer';
import { distribution } from '../../collectives/distribution.state';
import { dividend } from '../../dividends/dividend.state';
import { household } from '../../households/household.state';
import { parsePeriod, periodFirstDay, periodLastDay } from '../../primitives/period';
import type { NoticeSubject } from '../notice.events';
import type { ListedHousehold, NoticeListing } from './post-notice.decide';

interface Place {
  village: string;
  township: string;
}

/**
 * The village's households among `amounts` (fen by household id), read from the households' own
 * streams, so what is frozen is exactly what the ledger holds now.
 */
async function villageHouseholds(
  streams: StreamWriter,
  amounts: ReadonlyMap<string, number>,
  place: Place,
): Promise<ListedHousehold[]> {
  const households = await Promise.all(
    [...amounts.keys()].map(async (householdId) => ({
      householdId,
      state: (await streams.read(householdId, household)).state,
    })),
  );
  return households.flatMap(({ householdId, state: h }): ListedHousehold[] =>
    h.status === 'registered' && h.village === place.village
      ? [{ householdId, headName: h.headName, registrationNo: h.registrationNo, amountFen: amounts.get(householdId)! }]
      : [],
  );
}

/** The village's households on a declaration: its allocations summed per household (a household may hold several stakes). */
async function onDeclaration(streams: StreamWriter, declarationId: string, place: Place): Promise<NoticeListing> {
  const { state } = await streams.read(declarationId, dividend);
  if (state.status !== 'declared') return undefined;
  const amounts = new Map<string, number>();
  for (const a of state.allocations) {
    // A collective's allocation is no household's: the collective's own distribution is noticed apart.
    if (a.township !== place.township || a.householdId === undefined) continue;
    amounts.set(a.householdId, (amounts.get(a.householdId) ?? 0) + a.amountFen);
  }
  return villageHouseholds(streams, amounts, place);
}

/** The village's households on a collective's distribution: one allocation per household. */
async function onDistribution(streams: StreamWriter, distributionId: string, place: Place): Promise<NoticeListing> {
  const { state } = await streams.read(distributionId, distribution);
  if (state.status !== 'declared') return undefined;
  const amounts = new Map(
    state.allocations.filter((a) => a.township === place.township).map((a) => [a.householdId, a.amountFen]),
  );
  return villageHouseholds(streams, amounts, place);
}

/**
 * The village's households paid in a period: every payment whose paidOn lies in it, neither reversed
 * nor returned, summed per household, from the statement read model (a period notice holds nothing,
 * so a read model's short lag changes no payment).
 */
async function inPeriod(pool: Pool, period: string, place: Place): Promise<NoticeListing> {
  const parsed = parsePeriod(period);
  if (!parsed.ok) return undefined;
  const { rows } = await pool.query<{
    household_id: string;
    head_name: string;
    registration_no: string;
    total: string;
  }>(
    `select h.household_id, h.head_name, h.registration_no, sum(l.amount_fen) as total
       from household_list h
       join statement_lines l on l.household_id = h.household_id
      where h.township = $1 and h.village = $2 and l.paid_on between $3::date and $4::date
        and l.reversal_id is null and l.return_recorded_at is null
      group by h.household_id, h.head_name, h.registration_no
     having sum(l.amount_fen) > 0`,
    [place.township, place.village, periodFirstDay(parsed.period), periodLastDay(parsed.period)],
  );
  return rows.map((r) => ({
    householdId: r.household_id,
    headName: r.head_name,
    registrationNo: r.registration_no,
    amountFen: Number(r.total),
  }));
}

/** What a notice on `subject` lists for the village, or undefined when the subject is unknown. */
export function listingFor(
  sources: { streams: StreamWriter; pool: Pool },
  subject: NoticeSubject,
  place: Place,
): Promise<NoticeListing> {
  if ('declarationId' in subject) return onDeclaration(sources.streams, subject.declarationId, place);
  if ('period' in subject) return inPeriod(sources.pool, subject.period, place);
  return onDistribution(sources.streams, subject.distributionId, place);
}
