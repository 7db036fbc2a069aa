import { Module } from '@nestjs/common';
import { HouseholdLinkagesController, ListEntitiesController, ListProjectsController } from './directory.controllers';
import { DirectoryReader } from './directory.reader';

/**
 * Lists for people picking things: `GET /v1/entities`, `GET /v1/projects` and
 * `GET /v1/households/{id}/linkages`, from the `directory` read model.
 */
@Module({
  controllers: [ListEntitiesController, ListProjectsController, HouseholdLinkagesController],
  providers: [DirectoryReader],
})
export class DirectoryModule {}
