import type { RecordedEvent } from '@ledger/event-store';
import type { DistributionPaid } from '../../collectives/collective.events';
import type { DividendPaid } from '../../dividends/dividend.events';
import type { WagePaid } from '../../employment/employment.events';
import type { RentPaid } from '../../leases/lease.events';
import type { LoanInterestSubsidised } from '../../loans/loan.events';
import type { PurchasePaid } from '../../orders/order.events';
import { row, rowStatement, type RowSql } from '../../projections/projection';
import type { GuaranteeToppedUp } from '../../stakes/stake.events';

/** Every payment to a household that makes a line of its statement. */
export type PaymentEvent =
  DividendPaid | RentPaid | WagePaid | PurchasePaid | LoanInterestSubsidised | GuaranteeToppedUp | DistributionPaid;

const LINE_COLUMNS = `payment_id, household_id, paid_on, amount_fen, form, kind, entity_id, entity_name, linkage_id,
  period, delivered_on, basis, recorded_at, recorded_by, position, reference`;

/**
 * The dividend basis of household $2 on declaration $1 (aliases `d` for the declaration, `h` for the
 * household's sums, null when it has no allocation): its stakes, shares and allocation over all of
 * them, and the projects whose fiscal funds bought them, each with its funds by source as projected
 * when the payment is.
 */
const DIVIDEND_BASIS = `
  jsonb_strip_nulls(jsonb_build_object(
    'declarationId', d.declaration_id,
    'stakeIds', coalesce(h.stake_ids, '[]'::jsonb),
    'shares', coalesce(h.shares, 0),
    'totalShares', d.total_shares,
    'poolFen', d.pool_fen,
    'guaranteedYearlyFen', case when d.pool_fen is null then h.guaranteed_yearly_fen end,
    'periodShare', d.period_share,
    'allocatedFen', coalesce(h.allocated_fen, 0),
    'projects', case when coalesce(cardinality(h.project_ids), 0) = 0 then '[]'::jsonb else (
      select jsonb_agg(jsonb_build_object(
               'projectId', ap.project_id,
               'projectName', coalesce(p.name, ap.project_id),
               'fundSources', coalesce(p.fund_sources, '[]'::jsonb))
             order by ap.first_ord)
        from (select u.project_id, min(u.ord) as first_ord from unnest(h.project_ids) with ordinality as u(project_id, ord)
               group by u.project_id) ap
        -- offset 0: an index lookup per project; joined, the planner hashed every project for each line
        left join lateral (select p.name, p.fund_sources from statement_projects p
                            where p.project_id = ap.project_id offset 0) p on true) end
  ))`;

type LineKind = 'dividend' | 'rent' | 'wage' | 'purchase' | 'interest_subsidy' | 'guarantee_topup' | 'distribution';

/** What a line of each kind reads of the helper tables (a dividend's basis lists projects: any of them). */
const LINE_READS: Record<LineKind, (linkageId: string) => string[]> = {
  dividend: (id) => [`statement_declarations:${id}`, `statement_dividend_households:${id}`, 'statement_projects'],
  rent: (id) => [`statement_leases:${id}`],
  wage: (id) => [`statement_employments:${id}`],
  purchase: (id) => [`statement_orders:${id}`],
  // A subsidy carries its loan's terms and entity itself.
  interest_subsidy: () => [],
  // A top-up carries its entity and figures itself.
  guarantee_topup: () => [],
  // A distribution's payment carries its collective and figures itself.
  distribution: () => [],
};

/**
 * Every payment's line, whatever its kind, in one statement (so that a page's payments of all kinds
 * are inserted at once): each kind takes its entity and basis from its own linkage's terms. A
 * dividend whose declaration is unknown makes no line; the other kinds fall back as shown.
 */
const LINES = rowStatement({
  columns: {
    kind: 'text',
    form: 'text',
    payment_id: 'text',
    household_id: 'text',
    paid_on: 'date',
    amount_fen: 'bigint',
    linkage_id: 'text',
    period: 'text',
    delivered_on: 'date',
    entity_id: 'text',
    entity_name: 'text',
    worker_name: 'text',
    days_worked: 'int',
    supplementary: 'boolean',
    period_share: 'text',
    due_fen: 'bigint',
    basis: 'jsonb',
    recorded_at: 'timestamptz',
    recorded_by: 'text',
    position: 'bigint',
    reference: 'text',
  },
  sql: `insert into statement_lines (${LINE_COLUMNS})
        select r.payment_id, r.household_id, r.paid_on, r.amount_fen, r.form, r.kind,
               case r.kind when 'dividend' then d.entity_id
                           when 'rent' then coalesce(l.entity_id, r.entity_id)
                           when 'wage' then coalesce(e.entity_id, '')
                           when 'interest_subsidy' then coalesce(r.entity_id, '')
                           when 'guarantee_topup' then r.entity_id
                           when 'distribution' then r.entity_id
                           else coalesce(o.entity_id, '') end,
               case r.kind when 'dividend' then d.entity_name
                           when 'rent' then coalesce(l.entity_name, r.entity_id)
                           when 'wage' then coalesce(e.entity_name, '')
                           when 'interest_subsidy' then coalesce(r.entity_name, '')
                           when 'guarantee_topup' then r.entity_name
                           when 'distribution' then r.entity_name
                           else coalesce(o.entity_name, '') end,
               r.linkage_id,
               case r.kind when 'dividend' then d.period else r.period end,
               r.delivered_on,
               case r.kind
                 when 'dividend' then ${DIVIDEND_BASIS}
                 when 'rent' then jsonb_build_object('leaseId', r.linkage_id, 'areaMu', l.area_mu,
                   'rentPerMuYearFen', l.rent_per_mu_year_fen, 'periodShare', r.period_share, 'dueFen', r.due_fen)
                 when 'wage' then jsonb_strip_nulls(jsonb_build_object('employmentId', r.linkage_id, 'workerName', r.worker_name,
                   'wageBasis', e.wage_basis, 'rateFen', e.rate_fen, 'daysWorked', r.days_worked,
                   'supplementary', r.supplementary))
                 else r.basis end,
               r.recorded_at, r.recorded_by, r.position, r.reference
          from ROWS
          left join statement_declarations d on r.kind = 'dividend' and d.declaration_id = r.linkage_id
          -- A lookup by key per dividend line (offset 0 keeps the planner from hashing the whole
          -- table, which grows by a row per household and declaration, for every page).
          left join lateral (select * from statement_dividend_households h
                              where r.kind = 'dividend' and h.declaration_id = r.linkage_id
                                and h.household_id = r.household_id offset 0) h on true
          left join statement_leases l on r.kind = 'rent' and l.lease_id = r.linkage_id
          left join statement_employments e on r.kind = 'wage' and e.employment_id = r.linkage_id
          left join statement_orders o on r.kind = 'purchase' and o.order_id = r.linkage_id
         where r.kind <> 'dividend' or d.declaration_id is not null
        on conflict (payment_id) do nothing`,
  reads: [
    'statement_declarations',
    'statement_dividend_households',
    'statement_projects',
    'statement_leases',
    'statement_employments',
    'statement_orders',
  ],
  writes: ['statement_lines'],
  keys: (r) => ({
    reads: LINE_READS[r.kind as LineKind](String(r.linkage_id)),
    writes: [`statement_lines:${String(r.payment_id)}`],
  }),
  // Unordered: the joins would otherwise cost a sort of every page's lines by r.ord.
  onePerKey: true,
});

/** A line's column values for LINES, kind-specific ones null unless given. */
function line(
  recorded: RecordedEvent,
  recordedBy: string | null,
  l: {
    kind: LineKind;
    form: 'equity' | 'lease' | 'labour' | 'order' | 'credit' | 'collective';
    paymentId: string;
    householdId: string;
    paidOn: string;
    amountFen: number;
    linkageId: string;
    period?: string;
    deliveredOn?: string;
    entityId?: string;
    entityName?: string;
    workerName?: string;
    daysWorked?: number | null;
    supplementary?: boolean;
    periodShare?: string;
    dueFen?: number;
    basis?: string;
    reference?: string;
  },
): RowSql {
  return row(
    LINES,
    l.kind,
    l.form,
    l.paymentId,
    l.householdId,
    l.paidOn,
    l.amountFen,
    l.linkageId,
    l.period ?? null,
    l.deliveredOn ?? null,
    l.entityId ?? null,
    l.entityName ?? null,
    l.workerName ?? null,
    l.daysWorked ?? null,
    l.supplementary ?? null,
    l.periodShare ?? null,
    l.dueFen ?? null,
    l.basis ?? null,
    recorded.recordedAt,
    recordedBy,
    recorded.position,
    l.reference ?? null,
  );
}

/** The line of a payment, its basis composed from the terms projected before it. */
export function paymentLines(event: PaymentEvent, recorded: RecordedEvent, recordedBy: string | null): RowSql[] {
  switch (event.type) {
    case 'DividendPaid': {
      const d = event.data;
      // A dividend paid to a collective is its income, shown by GET /v1/collectives/{id}, not a household's line.
      if (d.householdId === undefined) return [];
      return [
        line(recorded, recordedBy, {
          kind: 'dividend',
          form: 'equity',
          paymentId: d.paymentId,
          householdId: d.householdId,
          paidOn: d.paidOn,
          amountFen: d.amountFen,
          linkageId: d.declarationId,
          reference: d.reference,
        }),
      ];
    }
    case 'RentPaid': {
      const d = event.data;
      return [
        line(recorded, recordedBy, {
          kind: 'rent',
          form: 'lease',
          paymentId: d.paymentId,
          householdId: d.householdId,
          paidOn: d.paidOn,
          amountFen: d.amountFen,
          linkageId: d.leaseId,
          period: d.period,
          entityId: d.entityId,
          periodShare: d.share,
          dueFen: d.dueFen,
          reference: d.reference,
        }),
      ];
    }
    case 'WagePaid': {
      const d = event.data;
      return [
        line(recorded, recordedBy, {
          kind: 'wage',
          form: 'labour',
          paymentId: d.paymentId,
          householdId: d.householdId,
          paidOn: d.paidOn,
          amountFen: d.amountFen,
          linkageId: d.employmentId,
          period: d.period,
          workerName: d.workerName,
          daysWorked: d.daysWorked ?? null,
          supplementary: d.supplementary,
          reference: d.reference,
        }),
      ];
    }
    case 'PurchasePaid': {
      const d = event.data;
      // A purchase has no period of its own: the line shows the month the produce was delivered.
      return [
        line(recorded, recordedBy, {
          kind: 'purchase',
          form: 'order',
          paymentId: d.paymentId,
          householdId: d.householdId,
          paidOn: d.paidOn,
          amountFen: d.amountFen,
          linkageId: d.orderId,
          period: d.deliveredOn.slice(0, 7),
          deliveredOn: d.deliveredOn,
          basis: JSON.stringify({
            orderId: d.orderId,
            product: d.product,
            unit: d.unit,
            quantity: d.quantity,
            priceFen: d.priceFen,
          }),
          reference: d.reference,
        }),
      ];
    }
    case 'LoanInterestSubsidised': {
      const d = event.data;
      return [
        line(recorded, recordedBy, {
          kind: 'interest_subsidy',
          form: 'credit',
          paymentId: d.paymentId,
          householdId: d.householdId,
          paidOn: d.paidOn,
          amountFen: d.amountFen,
          linkageId: d.loanId,
          // A subsidy has no period of its own: the line shows the year it was paid in.
          period: d.paidOn.slice(0, 4),
          ...(d.entityId === undefined ? {} : { entityId: d.entityId, entityName: d.entityName ?? '' }),
          basis: JSON.stringify({
            loanId: d.loanId,
            lender: d.lender,
            principalFen: d.principalFen,
            annualRateBp: d.annualRateBp,
            subsidyRateBp: d.subsidyRateBp,
            interestRepaidFen: d.interestRepaidFen,
            capFen: d.capFen,
          }),
          reference: d.reference,
        }),
      ];
    }
    case 'GuaranteeToppedUp': {
      const d = event.data;
      return [
        line(recorded, recordedBy, {
          kind: 'guarantee_topup',
          form: 'equity',
          paymentId: d.paymentId,
          householdId: d.householdId,
          paidOn: d.paidOn,
          amountFen: d.amountFen,
          linkageId: d.stakeId,
          period: d.period,
          entityId: d.entityId,
          entityName: d.entityName,
          basis: JSON.stringify({
            stakeId: d.stakeId,
            period: d.period,
            guaranteedFen: d.guaranteedFen,
            declaredFen: d.declaredFen,
            shortfallFen: d.shortfallFen,
            payer: d.payer,
            ...(d.projectId === undefined ? {} : { projectId: d.projectId }),
          }),
        }),
      ];
    }
    case 'DistributionPaid': {
      const d = event.data;
      return [
        line(recorded, recordedBy, {
          kind: 'distribution',
          form: 'collective',
          paymentId: d.paymentId,
          householdId: d.householdId,
          paidOn: d.paidOn,
          amountFen: d.amountFen,
          linkageId: d.distributionId,
          period: d.period,
          entityId: d.collectiveId,
          entityName: d.collectiveName,
          basis: JSON.stringify({
            distributionId: d.distributionId,
            collectiveId: d.collectiveId,
            collectiveName: d.collectiveName,
            basis: d.basis,
            weight: d.weight,
            totalWeight: d.totalWeight,
            poolFen: d.poolFen,
            incomeSources: d.incomeSources,
          }),
          reference: d.reference,
        }),
      ];
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
