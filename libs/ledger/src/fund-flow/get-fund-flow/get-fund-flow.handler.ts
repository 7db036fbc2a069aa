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
    await this.projections.waitFor(filter.minPosition, [fundFlowProjection.name]);
    const lang = filter.lang ?? 'zh';
    const { names, creditInput, ...input } = await readFundFlow(this.database.pool, projectId);
    const { dividendsPaid, totals, flags } = fundFlowFigures({ ...input, names }, lang);
    const householdName = (id: string) => (names.households[id] === undefined ? id : `${names.households[id]} (${id})`);
    const credit = creditFigures(creditInput, householdName, lang);
    const guaranteeTopups = await readGuaranteeTopups(this.database.pool, projectId);
    const view: FundFlowView = {
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
      guaranteeTopups,
      credit: credit.credit,
      totals: {
        ...totals,
        subsidisedFen: credit.subsidisedFen,
        guaranteeTopupsFen: guaranteeTopups.reduce((sum, t) => sum + t.amountFen, 0),
      },
      flags: [...flags, ...credit.flags],
    };
    return { view, edges: fundFlowEdges(view, names, lang) };
  }
}
