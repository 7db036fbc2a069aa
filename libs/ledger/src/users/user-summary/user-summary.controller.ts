import { Controller, Get, Query as QueryString } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AllowedRoles } from '../../http/auth.guard';
import { LedgerQuery } from '../../http/contract/route-contract';
import { QueryOptions } from '../../http/query-options.dto';
import { GetUserSummaryQuery } from './user-summary.query';
import type { UserSummary } from './user-summary.view';

@ApiTags('users')
@ApiBearerAuth()
@Controller('v1/users/summary')
export class UserSummaryController {
  constructor(private readonly queries: QueryBus) {}

  /** How many users there are, by role (admin): the admin's dashboard figure. */
  @AllowedRoles('admin')
  @LedgerQuery({ summary: 'Users by role', view: 'UserSummary', refusals: ['AUTH.ADMIN_ONLY'] })
  @Get()
  summary(@QueryString() options: QueryOptions): Promise<UserSummary> {
    return this.queries.execute(new GetUserSummaryQuery(options));
  }
}
