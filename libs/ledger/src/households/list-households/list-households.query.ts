import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../common/actor';
import type { Page } from '../../common/page';
import type { ListHouseholdsRequest } from './list-households.dto';

export interface HouseholdListItem {
  id: string;
  registrationNo: string;
  headName: string;
  members: number;
  village: string;
  township: string;
  county: string;
  status: string;
}

export class ListHouseholdsQuery extends Query<Page<HouseholdListItem>> {
  constructor(
    readonly filter: ListHouseholdsRequest,
    readonly actor: Actor,
  ) {
    super();
  }
}
