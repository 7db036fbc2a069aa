import { FUND_SOURCES } from '../../projects/project.events';

/** Fund sources in the contract's order, for listing a project's money source by source. */
const SOURCE_ORDER = `array[${FUND_SOURCES.map((s) => `'${s}'`).join(', ')}]::text[]`;

/** The per-household sums of a declaration's allocations (grouped by declaration and household, alias `a`). */
export const DIVIDEND_HOUSEHOLD_COLUMNS = `
  jsonb_agg(a.stake_id order by a.ord), sum(a.shares), sum(a.guaranteed_yearly_fen), sum(a.amount_fen),
  coalesce((array_agg(a.project_id order by a.ord) filter (where a.source = 'fiscal_fund' and a.project_id is not null)), '{}')`;

/** Project `p`'s money by source, in the contract's order, as a statement's dividend basis lists it. */
export const PROJECT_FUND_SOURCES = `coalesce((
  select jsonb_agg(jsonb_build_object('source', f.source, 'amountFen', f.amount_fen)
                   order by array_position(${SOURCE_ORDER}, f.source), f.source)
    from (select source, sum(amount_fen) as amount_fen from statement_project_funds
           where project_id = p.project_id group by source) f), '[]'::jsonb)`;
