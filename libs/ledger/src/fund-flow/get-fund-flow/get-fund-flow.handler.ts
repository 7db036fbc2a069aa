import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Database } from '@ledger/runtime';
import { forbidden, notFound } from '../../common/domain-error';
import { StreamWriter } from '../../common/stream-writer';
import { directoryProjection } from '../../directory/directory.projection';
import { householdListProjection } from '../../households/list-households/household-list.projection';
import { ProjectionsHost } from '../../projections/projections-host';
import { project } from '../../projects/project.state';
import { collectiveLedgerProjection } from '../../collectives/collective.projection';
import { fundFlowProjection } from '../fund-flow.projection';
import { countyFundFlow } from './county-fund-flow';
import type { FundFlowReport } from './fund-flow.view';
import { GetFundFlowQuery } from './get-fund-flow.query';
import { householdPlaces } from './household-places';
import { projectFundFlow } from './project-fund-flow';

/**
 * Traces one project's money (`projectId`), or every project's of a county (`county`, with what is
 * left over at each step): funds received, disbursed to entities, turned into fiscal-fund stakes for
 * households, and paid out to them as dividends, flagging every step that exceeds its source.
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
    const lang = filter.lang ?? 'zh';
    const { projectId } = filter;
    if (projectId === undefined) {
      await this.projections.waitFor(filter.minPosition, [
        fundFlowProjection.name,
        collectiveLedgerProjection.name,
        directoryProjection.name,
        householdListProjection.name,
      ]);
      return countyFundFlow(this.database.pool, filter.county ?? '', lang, filter.detail);
    }
    const { state } = await this.streams.read(projectId, project);
    if (state.status !== 'registered') {
      throw notFound('PROJECT.NOT_FOUND', `No project ${projectId}.`, `没有编号为 ${projectId} 的扶贫项目。`);
    }
    await this.projections.waitFor(filter.minPosition, [
      fundFlowProjection.name,
      collectiveLedgerProjection.name,
      householdListProjection.name,
    ]);
    const { view, edges } = await projectFundFlow(
      this.database.pool,
      {
        id: state.projectId,
        name: state.name,
        industry: state.industry,
        county: state.county,
        ...(state.operatorId === undefined ? {} : { operatorId: state.operatorId }),
        ...(state.assistanceModel === undefined ? {} : { assistanceModel: state.assistanceModel }),
      },
      lang,
    );
    if (filter.detail !== 'sankey') return { kind: 'project', view, edges };
    return { kind: 'project', view: { ...view, households: await householdPlaces(this.database.pool, [view]) }, edges };
  }
}
