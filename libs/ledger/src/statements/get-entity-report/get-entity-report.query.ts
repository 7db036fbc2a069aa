import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/actor';
import type { EntityReportView } from './entity-report.view';
import type { GetEntityReportRequest } from './get-entity-report.dto';

export class GetEntityReportQuery extends Query<EntityReportView> {
  constructor(
    readonly entityId: string,
    readonly filter: GetEntityReportRequest,
    readonly actor: Actor,
  ) {
    super();
  }
}
