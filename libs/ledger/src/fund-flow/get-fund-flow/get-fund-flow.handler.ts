import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Database } from '@ledger/runtime';
import { forbidden, notFound } from '../../common/domain-error';
import { StreamWriter } from '../../common/stream-writer';
import { ProjectionsHost } from '../../projections/projections-host';
import { project } from '../../projects/project.state';
import { creditFigures } from '../fund-flow.credit';
import { fundFlowFigures } from '../fund-flow.figures';
import { fundFlowProjection } from '../fund-flow.projection';
import { readGuaranteeTopups } from '../fund-flow.topups';
import { readProjectDistributions, withHolderNamed } from '../fund-flow.collectives';
import { collectiveLedgerProjection } from '../../collectives/collective.projection';
import { fundFlowEdges } from './fund-flow.edges';
import type { FundFlowReport, FundFlowView } from './fund-flow.view';
import { GetFundFlowQuery } from './get-fund-flow.query';
import { readFundFlow } from './read-fund-flow';

/**
 * Traces one project's money: funds received, disbursed to entities, turned into fiscal-fund stakes
 * for households, and paid out to them as dividends, flagging every step that exceeds its source.
 * Admins and auditors only.
 */
@QueryHandler(GetFundFlowQuery)
export class GetFundFlowHandler implements IQueryHandler<GetFundFlowQuery> {
  constructor(
    private readonly database: Database,
    private readonly projections: ProjectionsHost,
    private readonly streams: StreamWriter,
  ) {}

  async execute({ filter, actor }: GetFundFlowQuery): Promise<FundFlowReport> {
    if (actor.role !== 'admin' && actor.role !== 'auditor') {
      throw forbidden(
        'AUTH.AUDIT_ONLY',
        'Only auditors and admins may read the fund flow.',
        '只有审计和管理员可以查看资金流向。',
      );
    }
    const { projectId } = filter;
    const { state } = await this.streams.read(projectId, project);
    if (state.status !== 'registered') {
      throw notFound('PROJECT.NOT_FOUND', `No project ${projectId}.`, `没有编号为 ${projectId} 的扶贫项目。`);
    }
    await this.projections.waitFor(filter.minPosition, [fundFlowProjection.name, collectiveLedgerProjection.name]);
    const lang = filter.lang ?? 'zh';
    const { names, creditInput, ...input } = await readFundFlow(this.database.pool, projectId);
    const { dividendsPaid, totals, flags } = fundFlowFigures({ ...input, names }, lang);
    const householdName = (id: string) => (names.households[id] === undefined ? id : `${names.households[id]} (${id})`);
    const credit = creditFigures(creditInput, householdName, lang);
    const guaranteeTopups = await readGuaranteeTopups(this.database.pool, projectId);
    const distributions = await readProjectDistributions(this.database.pool, projectId);
    const figures = {
      project: {
        id: state.projectId,
        name: state.name,
        industry: state.industry,
        county: state.county,
        ...(state.operatorId === undefined ? {} : { operatorId: state.operatorId }),
      },
      funds: [...input.funds],
      disbursements: [...input.disbursements],
      stakes: [...input.stakes],
      dividendsPaid,
      distributions,
      guaranteeTopups,
      credit: credit.credit,
      totals: {
        ...totals,
        subsidisedFen: credit.subsidisedFen,
        guaranteeTopupsFen: guaranteeTopups.reduce((sum, t) => sum + t.amountFen, 0),
        distributedFen: distributions.reduce((sum, d) => sum + d.poolFen, 0),
      },
      flags: [...flags, ...credit.flags],
    };
    // The edges read every holder's id as it is kept; the view names a collective as the contract does.
    const edges = fundFlowEdges(figures, names, lang);
    const view: FundFlowView = {
      ...figures,
      stakes: figures.stakes.map(withHolderNamed),
      dividendsPaid: figures.dividendsPaid.map(withHolderNamed),
    };
    return { view, edges };
  }
}
