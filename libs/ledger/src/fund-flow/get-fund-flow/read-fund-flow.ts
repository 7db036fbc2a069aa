import type { Pool, PoolClient } from 'pg';
import { FUND_SOURCES, type FundSource } from '../../projects/project.events';
import { isCollectiveId } from '../../stakes/stake-holder';
import type { LoanFigure, LoanPaymentFigure, LoanStakeFigure } from '../fund-flow.credit';
import type { FundFlowInput } from '../fund-flow.figures';

/** The micro-credit the project subsidises, as `creditFigures` takes it. */
export interface CreditInput {
  loans: LoanFigure[];
  stakes: LoanStakeFigure[];
  payments: LoanPaymentFigure[];
}

/** Names of the entities and households the flow passes through, for CSV and flags. */
export interface FundFlowNames {
  entities: Record<string, string>;
  households: Record<string, string>;
  declarations: Record<string, string>;
}

/** The households' allocations on declarations in which they hold one of the project's stakes. */
const PAIRS = `
  select b.declaration_id, b.household_id
    from fund_flow_allocations b
    join fund_flow_stakes s on s.stake_id = b.stake_id
   where s.project_id = $1`;

/**
 * Reads one project's figures from the fund-flow tables: funds by source (in the contract's source
 * order), disbursements by entity (in the order first disbursed), the fiscal-fund stakes its money
 * bought (in the order acquired), the allocations and unreversed payments of the households holding
 * them on each declaration, and the names of everything involved. All from one snapshot (a
 * read-only repeatable-read transaction), so a batch the projection commits meanwhile cannot make
 * one step look larger than its source.
 */
export async function readFundFlow(
  pool: Pool,
  projectId: string,
): Promise<FundFlowInput & { names: FundFlowNames; creditInput: CreditInput }> {
  const client = await pool.connect();
  try {
    await client.query('begin transaction isolation level repeatable read read only');
    const figures = await readInSnapshot(client, projectId);
    await client.query('commit');
    return figures;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function readInSnapshot(
  client: PoolClient,
  projectId: string,
): Promise<FundFlowInput & { names: FundFlowNames; creditInput: CreditInput }> {
  const funds = await client.query<{ source: FundSource; amount_fen: string }>(
    'select source, sum(amount_fen) as amount_fen from fund_flow_funds where project_id = $1 group by source',
    [projectId],
  );
  const disbursements = await client.query<{ entity_id: string; entity_name: string; amount_fen: string }>(
    `select entity_id, (array_agg(entity_name order by position desc))[1] as entity_name,
              sum(amount_fen) as amount_fen
         from fund_flow_disbursements where project_id = $1
        group by entity_id order by min(position)`,
    [projectId],
  );
  const stakes = await client.query<{
    stake_id: string;
    household_id: string;
    entity_id: string;
    principal_fen: string;
    transferred_from: string | null;
  }>(
    `select stake_id, household_id, entity_id, principal_fen, transferred_from
         from fund_flow_stakes where project_id = $1 order by position`,
    [projectId],
  );
  const allocations = await client.query<{
    declaration_id: string;
    household_id: string;
    stake_id: string;
    amount_fen: string;
  }>(
    `select a.declaration_id, a.household_id, a.stake_id, a.amount_fen
         from fund_flow_allocations a
        where (a.declaration_id, a.household_id) in (${PAIRS})`,
    [projectId],
  );
  const payments = await client.query<{ declaration_id: string; household_id: string; paid_fen: string }>(
    `select p.declaration_id, p.household_id, sum(p.amount_fen) as paid_fen
         from fund_flow_payments p
        where not p.reversed and (p.declaration_id, p.household_id) in (${PAIRS})
        group by p.declaration_id, p.household_id
        order by p.declaration_id, p.household_id`,
    [projectId],
  );
  // A collective holding a stake is an entity: its name comes with the entities'.
  const entityIds = [
    ...new Set([
      ...disbursements.rows.map((r) => r.entity_id),
      ...stakes.rows.map((r) => r.entity_id),
      ...stakes.rows.map((r) => r.household_id).filter(isCollectiveId),
    ]),
  ];
  const creditInput = await readCredit(client, projectId);
  const householdIds = [
    ...new Set([...stakes.rows.map((r) => r.household_id), ...creditInput.loans.map((l) => l.householdId)]),
  ];
  const declarationIds = [...new Set(payments.rows.map((r) => r.declaration_id))];
  const entities = await client.query<{ entity_id: string; name: string }>(
    'select entity_id, name from fund_flow_entities where entity_id = any($1)',
    [entityIds],
  );
  const households = await client.query<{ household_id: string; head_name: string }>(
    'select household_id, head_name from fund_flow_households where household_id = any($1)',
    [householdIds],
  );
  const declarations = await client.query<{ declaration_id: string; entity_name: string; period: string }>(
    'select declaration_id, entity_name, period from fund_flow_declarations where declaration_id = any($1)',
    [declarationIds],
  );
  const bySource = new Map(funds.rows.map((r) => [r.source, Number(r.amount_fen)]));
  return {
    creditInput,
    funds: FUND_SOURCES.filter((s) => bySource.has(s)).map((source) => ({
      source,
      amountFen: bySource.get(source) ?? 0,
    })),
    disbursements: disbursements.rows.map((r) => ({
      entityId: r.entity_id,
      entityName: r.entity_name,
      amountFen: Number(r.amount_fen),
    })),
    stakes: stakes.rows.map((r) => ({
      stakeId: r.stake_id,
      householdId: r.household_id,
      entityId: r.entity_id,
      principalFen: Number(r.principal_fen),
      ...(r.transferred_from === null ? {} : { transferredFrom: r.transferred_from }),
    })),
    allocations: allocations.rows.map((r) => ({
      declarationId: r.declaration_id,
      householdId: r.household_id,
      stakeId: r.stake_id,
      amountFen: Number(r.amount_fen),
    })),
    payments: payments.rows.map((r) => ({
      declarationId: r.declaration_id,
      householdId: r.household_id,
      paidFen: Number(r.paid_fen),
    })),
    names: {
      entities: Object.fromEntries(entities.rows.map((r) => [r.entity_id, r.name])),
      households: Object.fromEntries(households.rows.map((r) => [r.household_id, r.head_name])),
      declarations: Object.fromEntries(
        declarations.rows.map((r) => [r.declaration_id, `${r.entity_name} ${r.period}`]),
      ),
    },
  };
}

/** The loans whose interest subsidy the project pays, in the order recorded, their stakes and standing payments. */
function readCredit(client: PoolClient, projectId: string): Promise<CreditInput> {
  return readCreditOf(client, 'subsidy_project_id = $1', [projectId]);
}

/**
 * The loans of a county's households whose interest the county itself subsidises (a subsidy with no
 * project: `subsidy.payer` county): they appear in no project's flow, only in the county's.
 */
export async function readCountySubsidisedCredit(pool: Pool, county: string): Promise<CreditInput> {
  const client = await pool.connect();
  try {
    await client.query('begin transaction isolation level repeatable read read only');
    const credit = await readCreditOf(
      client,
      `subsidy_project_id is null and subsidy_rate_bp is not null
       and household_id in (select household_id from household_list where county = $1)`,
      [county],
    );
    await client.query('commit');
    return credit;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function readCreditOf(client: PoolClient, where: string, values: unknown[]): Promise<CreditInput> {
  const loans = await client.query<{
    loan_id: string;
    household_id: string;
    entity_id: string | null;
    lender: string;
    principal_fen: string;
    annual_rate_bp: number;
    subsidy_rate_bp: number | null;
  }>(
    `select loan_id, household_id, entity_id, lender, principal_fen, annual_rate_bp, subsidy_rate_bp
       from fund_flow_loans where ${where} order by position`,
    values,
  );
  const ids = loans.rows.map((r) => r.loan_id);
  const stakes = await client.query<{ stake_id: string; loan_id: string; entity_id: string; principal_fen: string }>(
    'select stake_id, loan_id, entity_id, principal_fen from fund_flow_loan_stakes where loan_id = any($1) order by stake_id',
    [ids],
  );
  const payments = await client.query<{
    loan_id: string;
    kind: 'repayment' | 'subsidy';
    paid_by: 'household' | 'entity' | null;
    principal_fen: string;
    interest_fen: string;
    amount_fen: string;
  }>(
    `select loan_id, kind, paid_by, principal_fen, interest_fen, amount_fen
       from fund_flow_loan_payments where loan_id = any($1) and not reversed order by payment_id`,
    [ids],
  );
  return {
    loans: loans.rows.map((r) => ({
      loanId: r.loan_id,
      householdId: r.household_id,
      ...(r.entity_id === null ? {} : { entityId: r.entity_id }),
      lender: r.lender,
      principalFen: Number(r.principal_fen),
      annualRateBp: r.annual_rate_bp,
      ...(r.subsidy_rate_bp === null ? {} : { subsidyRateBp: r.subsidy_rate_bp }),
    })),
    stakes: stakes.rows.map((r) => ({
      stakeId: r.stake_id,
      loanId: r.loan_id,
      entityId: r.entity_id,
      principalFen: Number(r.principal_fen),
    })),
    payments: payments.rows.map((r) => ({
      loanId: r.loan_id,
      kind: r.kind,
      ...(r.paid_by === null ? {} : { paidBy: r.paid_by }),
      principalFen: Number(r.principal_fen),
      interestFen: Number(r.interest_fen),
      amountFen: Number(r.amount_fen),
    })),
  };
}
