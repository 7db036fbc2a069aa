import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { forbidden, notFound } from '../../common/domain-error';
import { StreamWriter } from '../../common/stream-writer';
import { FUND_SOURCES } from '../project.events';
import { project } from '../project.state';
import { GetProjectQuery } from './get-project.query';
import type { ProjectView } from './project.view';

/** Reads one project from its own stream. Its money is the fund flow: admins and auditors only. */
@QueryHandler(GetProjectQuery)
export class GetProjectHandler implements IQueryHandler<GetProjectQuery> {
  constructor(private readonly streams: StreamWriter) {}

  async execute({ projectId, actor }: GetProjectQuery): Promise<ProjectView> {
    if (actor.role !== 'admin' && actor.role !== 'auditor') {
      throw forbidden(
        'AUTH.NOT_YOURS',
        'Only admins and auditors may read a project.',
        '只有管理员和审计可以查看扶贫项目。',
      );
    }
    const { state, events } = await this.streams.read(projectId, project);
    if (state.status !== 'registered') {
      throw notFound('PROJECT.NOT_FOUND', `No project ${projectId}.`, `没有编号为 ${projectId} 的扶贫项目。`);
    }
    const names = new Map(state.disbursements.map((d) => [d.entityId, d.entityName]));
    return {
      id: state.projectId,
      name: state.name,
      industry: state.industry,
      county: state.county,
      ...(state.operatorId === undefined ? {} : { operatorId: state.operatorId }),
      ...(state.assistanceModel === undefined ? {} : { assistanceModel: state.assistanceModel }),
      funds: state.funds,
      fundsBySource: FUND_SOURCES.filter((s) => state.fundsBySource[s] !== undefined).map((source) => ({
        source,
        amountFen: state.fundsBySource[source] ?? 0,
      })),
      disbursements: state.disbursements,
      disbursedByEntity: Object.entries(state.disbursedByEntity).map(([entityId, amountFen]) => ({
        entityId,
        entityName: names.get(entityId) ?? '',
        amountFen,
      })),
      totals: {
        receivedFen: state.receivedFen,
        disbursedFen: state.disbursedFen,
        availableFen: state.receivedFen - state.disbursedFen,
      },
      position: events[events.length - 1].position,
    };
  }
}
