import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Database } from '@ledger/runtime';
import { ProjectionsHost } from '../../projections/projections-host';
import { userListProjection } from './user-list.projection';
import { GetUserSummaryQuery } from './user-summary.query';
import type { UserSummary } from './user-summary.view';

/** Counts the users by role (the route is the admin's alone: the guard refuses everyone else). */
@QueryHandler(GetUserSummaryQuery)
export class GetUserSummaryHandler implements IQueryHandler<GetUserSummaryQuery> {
  constructor(
    private readonly database: Database,
    private readonly projections: ProjectionsHost,
  ) {}

  async execute({ options }: GetUserSummaryQuery): Promise<UserSummary> {
    await this.projections.waitFor(options.minPosition, [userListProjection.name]);
    const { rows } = await this.database.pool.query<{ role: keyof UserSummary['byRole']; users: string }>(
      'select role, count(*) as users from user_list group by role',
    );
    const byRole = { admin: 0, clerk: 0, auditor: 0, household: 0 };
    for (const r of rows) byRole[r.role] = Number(r.users);
    const { position } = await this.projections.checkpoint(userListProjection.name);
    return { total: rows.reduce((sum, r) => sum + Number(r.users), 0), byRole, position };
  }
}
