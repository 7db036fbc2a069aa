import type { Pool, PoolClient } from 'pg';
import { FUND_SOURCES, type FundSource } from '../../projects/project.events';
import { isCollectiveId } from '../../stakes/stake-holder';
import type { LoanFigure, LoanPaymentFigure, LoanStakeFigure } from '../fund-flow.credit';
import type { FundFlowInput } from '../fund-flow.figures';
import { readProjectDistributions, type DistributionFigure } from '../fund-flow.collectives';
import { readGuaranteeTopups } from '../fund-flow.topups';
import type { GuaranteeTopupFigure } from './fund-flow.view';

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

/** One project's figures as the fund-flow tables hold them, with the names of everything involved. */
export type ProjectFundFlowInput = FundFlowInput & {
  names: FundFlowNames;
  creditInput: CreditInput;
  guaranteeTopups: GuaranteeTopupFigure[];
  distributions: DistributionFigure[];
};

/** The households' allocations on declarations in which they hold one of the projects' stakes, by project. */
const PAIRS = `
  select distinct s.project_id, b.declaration_id, b.household_id
    from fund_flow_allocations b
    join fund_flow_stakes s on s.stake_id = b.stake_id
   where s.project_id = any($1)`;

/** One project's figures (see readFundFlows). */
export async function readFundFlow(pool: Pool, projectId: string): Promise<ProjectFundFlowInput> {
  return (await readFundFlows(pool, [projectId])).get(projectId) ?? emptyInput();
}

/**
 * Reads projects' figures from the fund-flow tables, every project in the same few set-based queries
 * (a county costs what one project does, not one round of queries per project): funds by source (in
 * the contract's source order), disbursements by entity (in the order first disbursed), the
 * fiscal-fund stakes their money bought (in the order acquired), the allocations and unreversed
 * payments of the households holding them on each declaration, top-ups, the collectives'
 * distributions, the subsidised credit, and the names of everything involved. All from one snapshot
 * (a read-only repeatable-read transaction), so a batch the projection commits meanwhile cannot make
 * one step look larger than its source.
 */
export async function readFundFlows(
  pool: Pool,
  projectIds: readonly string[],
): Promise<Map<string, ProjectFundFlowInput>> {
  const client = await pool.connect();
  try {
    await client.query('begin transaction isolation level repeatable read read only');
    const figures = await readInSnapshot(client, projectIds);
    await client.query('commit');
    return figures;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function emptyInput(): ProjectFundFlowInput {
  return {
    funds: [],
    disbursements: [],
    stakes: [],
    allocations: [],
    payments: [],
    names: { entities: {}, households: {}, declarations: {} },
    creditInput: { loans: [], stakes: [], payments: [] },
    guaranteeTopups: [],
    distributions: [],
  };
}

/** Rows grouped by their project, in the order read. */
function byProject<Row extends { project_id: string }>(rows: readonly Row[]): Map<string, Row[]> {
  const grouped = new Map<string, Row[]>();
  for (const r of rows) {
    const list = grouped.get(r.project_id);
    if (list) list.push(r);
    else grouped.set(r.project_id, [r]);
  }
  return grouped;
}

async function readInSnapshot(
  client: PoolClient,
  projectIds: readonly string[],
): Promise<Map<string, ProjectFundFlowInput>> {
  const ids = [...projectIds];
  const funds = await client.query<{ project_id: string; source: FundSource; amount_fen: string }>(
    `select project_id, source, sum(amount_fen) as amount_fen from fund_flow_funds
      where project_id = any($1) group by project_id, source`,
    [ids],
  );
  const disbursements = await client.query<{
    project_id: string;
    entity_id: string;
    entity_name: string;
    amount_fen: string;
  }>(
    `select project_id, entity_id, (array_agg(entity_name order by position desc))[1] as entity_name,
              sum(amount_fen) as amount_fen
         from fund_flow_disbursements where project_id = any($1)
        group by project_id, entity_id order by min(position)`,
    [ids],
  );
  const stakes = await client.query<{
    project_id: string;
    stake_id: string;
    household_id: string;
    entity_id: string;
    principal_fen: string;
    transferred_from: string | null;
  }>(
    `select project_id, stake_id, household_id, entity_id, principal_fen, transferred_from
         from fund_flow_stakes where project_id = any($1) order by position`,
    [ids],
  );
  const allocations = await client.query<{
    project_id: string;
    declaration_id: string;
    household_id: string;
    stake_id: string;
    amount_fen: string;
  }>(
    `select pairs.project_id, a.declaration_id, a.household_id, a.stake_id, a.amount_fen
         from fund_flow_allocations a
         join (${PAIRS}) pairs on pairs.declaration_id = a.declaration_id and pairs.household_id = a.household_id
        order by pairs.project_id, a.declaration_id, a.household_id, a.stake_id`,
    [ids],
  );
  const payments = await client.query<{
    project_id: string;
    declaration_id: string;
    household_id: string;
    paid_fen: string;
  }>(
    `select pairs.project_id, p.declaration_id, p.household_id, sum(p.amount_fen) as paid_fen
         from fund_flow_payments p
         join (${PAIRS}) pairs on pairs.declaration_id = p.declaration_id and pairs.household_id = p.household_id
        where not p.reversed
        group by pairs.project_id, p.declaration_id, p.household_id
        order by p.declaration_id, p.household_id`,
    [ids],
  );
  const credit = await readCreditOf(client, 'subsidy_project_id = any($1)', [ids]);
  const [guaranteeTopups, distributions] = await Promise.all([
    readGuaranteeTopups(client, ids),
    readProjectDistributions(client, ids),
  ]);
  // A collective holding a stake is an entity: its name comes with the entities'.
  const entityIds = [
    ...new Set([
      ...disbursements.rows.map((r) => r.entity_id),
      ...stakes.rows.map((r) => r.entity_id),
      ...stakes.rows.map((r) => r.household_id).filter(isCollectiveId),
    ]),
  ];
  const householdIds = [
    ...new Set([...stakes.rows.map((r) => r.household_id), ...credit.loans.map((l) => l.householdId)]),
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
  // The names of everything the projects pass through: each project's flow looks up only its own.
  const names: FundFlowNames = {
    entities: Object.fromEntries(entities.rows.map((r) => [r.entity_id, r.name])),
    households: Object.fromEntries(households.rows.map((r) => [r.household_id, r.head_name])),
    declarations: Object.fromEntries(declarations.rows.map((r) => [r.declaration_id, `${r.entity_name} ${r.period}`])),
  };
  const grouped = {
    funds: byProject(funds.rows),
    disbursements: byProject(disbursements.rows),
    stakes: byProject(stakes.rows),
    allocations: byProject(allocations.rows),
    payments: byProject(payments.rows),
  };
  const result = new Map<string, ProjectFundFlowInput>();
  for (const projectId of ids) {
    const bySource = new Map((grouped.funds.get(projectId) ?? []).map((r) => [r.source, Number(r.amount_fen)]));
    result.set(projectId, {
      creditInput: credit.ofProject(projectId),
      guaranteeTopups: guaranteeTopups.get(projectId) ?? [],
      distributions: distributions.get(projectId) ?? [],
      funds: FUND_SOURCES.filter((s) => bySource.has(s)).map((source) => ({
        source,
        amountFen: bySource.get(source) ?? 0,
      })),
      disbursements: (grouped.disbursements.get(projectId) ?? []).map((r) => ({
        entityId: r.entity_id,
        entityName: r.entity_name,
        amountFen: Number(r.amount_fen),
      })),
      stakes: (grouped.stakes.get(projectId) ?? []).map((r) => ({
        stakeId: r.stake_id,
        householdId: r.household_id,
        entityId: r.entity_id,
        principalFen: Number(r.principal_fen),
        ...(r.transferred_from === null ? {} : { transferredFrom: r.transferred_from }),
      })),
      allocations: (grouped.allocations.get(projectId) ?? []).map((r) => ({
        declarationId: r.declaration_id,
        householdId: r.household_id,
        stakeId: r.stake_id,
        amountFen: Number(r.amount_fen),
      })),
      payments: (grouped.payments.get(projectId) ?? []).map((r) => ({
        declarationId: r.declaration_id,
        householdId: r.household_id,
        paidFen: Number(r.paid_fen),
      })),
      names,
    });
  }
  return result;
}

/**
 * The loans of a county's households whose interest the county itself subsidises (a subsidy with no
 * project: `subsidy.payer` county): they appear in no project's flow, only in the county's.
 */
export async function readCountySubsidisedCredit(pool: Pool, county: string): Promise<CreditInput> {
  const client = await pool.connect();
  try {
    await client.query('begin transaction isolation level repeatable read read only');
    const { ofProject: _byProject, ...credit } = await readCreditOf(
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

/** Subsidised credit, and the part of it each project subsidises. */
type CreditOfProjects = CreditInput & { ofProject: (projectId: string) => CreditInput };

async function readCreditOf(client: PoolClient, where: string, values: unknown[]): Promise<CreditOfProjects> {
  const loans = await client.query<{
    subsidy_project_id: string | null;
    loan_id: string;
    household_id: string;
    entity_id: string | null;
    lender: string;
    principal_fen: string;
    annual_rate_bp: number;
    subsidy_rate_bp: number | null;
  }>(
    `select subsidy_project_id, loan_id, household_id, entity_id, lender, principal_fen, annual_rate_bp, subsidy_rate_bp
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
  const credit: CreditInput = {
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
  const projectOf = new Map(loans.rows.map((r) => [r.loan_id, r.subsidy_project_id]));
  const mine = (projectId: string) => (loan: { loanId: string }) => projectOf.get(loan.loanId) === projectId;
  return {
    ...credit,
    ofProject: (projectId) => ({
      loans: credit.loans.filter(mine(projectId)),
      stakes: credit.stakes.filter(mine(projectId)),
      payments: credit.payments.filter(mine(projectId)),
    }),
  };
}
