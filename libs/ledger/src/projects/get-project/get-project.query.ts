import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/actor';
import type { ProjectView } from './project.view';

export class GetProjectQuery extends Query<ProjectView> {
  constructor(
    readonly projectId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
