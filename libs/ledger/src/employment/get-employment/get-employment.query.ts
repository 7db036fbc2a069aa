import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/actor';
import type { EmploymentView } from './employment.view';

export class GetEmploymentQuery extends Query<EmploymentView> {
  constructor(
    readonly employmentId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
