import { Controller, Get, Param, Query as QueryString } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import type { Page } from '../common/page';
import { HouseholdIdPipe } from '../households/household-id';
import { QueryOptions } from '../http/query-options.dto';
import { CurrentActor } from '../http/request-context';
import { ListDirectoryRequest, ListEntitiesRequest } from './directory.dto';
import { DirectoryReader } from './directory.reader';
import type { EntityListItem, HouseholdLinkages, ProjectListItem } from './directory.view';
import { AllowedRoles } from '../http/auth.guard';
import { LedgerQuery } from '../http/contract/route-contract';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('v1/entities')
export class ListEntitiesController {
  constructor(private readonly reader: DirectoryReader) {}

  /** Entities by name (`q`: part of the name or credit code), a page at a time; clerks see their townships'. */
  @LedgerQuery({
    summary: 'List entities: list',
    view: 'EntityPage',
    refusals: ['AUTH.NOT_YOURS', 'HOUSEHOLD.NOT_FOUND'],
  })
  @Get()
  list(@QueryString() filter: ListEntitiesRequest, @CurrentActor() actor: Actor): Promise<Page<EntityListItem>> {
    return this.reader.entities(filter, actor);
  }
}

@ApiTags('registry')
@ApiBearerAuth()
@Controller('v1/projects')
export class ListProjectsController {
  constructor(private readonly reader: DirectoryReader) {}

  /** Projects by name (`q`: part of the name), a page at a time: auditors and admins. */
  @AllowedRoles('admin', 'auditor')
  @LedgerQuery({
    summary: 'List projects: list',
    view: 'ProjectPage',
    refusals: ['AUTH.NOT_YOURS', 'HOUSEHOLD.NOT_FOUND'],
  })
  @Get()
  list(@QueryString() filter: ListDirectoryRequest, @CurrentActor() actor: Actor): Promise<Page<ProjectListItem>> {
    return this.reader.projects(filter, actor);
  }
}

@ApiTags('registry')
@ApiBearerAuth()
@Controller('v1/households')
export class HouseholdLinkagesController {
  constructor(private readonly reader: DirectoryReader) {}

  /** The household's linkages (employments, leases, orders, dividend declarations allocating to it). */
  @LedgerQuery({
    summary: 'Household linkages: linkages',
    view: 'HouseholdLinkages',
    refusals: ['AUTH.NOT_YOURS', 'HOUSEHOLD.NOT_FOUND'],
  })
  @Get(':id/linkages')
  linkages(
    @Param('id', HouseholdIdPipe) householdId: string,
    @QueryString() query: QueryOptions,
    @CurrentActor() actor: Actor,
  ): Promise<HouseholdLinkages> {
    return this.reader.householdLinkages(householdId, actor, query.minPosition);
  }
}
