import { Module } from '@nestjs/common';
import { HouseholdLinkagesController, ListEntitiesController, ListProjectsController } from './directory.controllers';
import { DirectoryReader } from './directory.reader';
import { ListHouseholdsController } from './list-households/list-households.controller';
import { ListHouseholdsHandler } from './list-households/list-households.handler';

/**
 * Lists for people picking things: `GET /v1/households` (the register, with what each received),
 * `GET /v1/entities`, `GET /v1/projects` and
 * `GET /v1/households/{id}/linkages`, from the `directory` read model.
 */
@Module({
  controllers: [ListEntitiesController, ListProjectsController, HouseholdLinkagesController, ListHouseholdsController],
  providers: [DirectoryReader, ListHouseholdsHandler],
})
export class DirectoryModule {}
