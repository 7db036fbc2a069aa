import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { IsAreaMu, IsFen, IsLedgerDate } from '../../http/validators';
import { RENT_SCHEDULES, type RentSchedule } from '../../primitives/rent';

const ID = (prefix: string) => new RegExp(`^${prefix}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`);

/** A land lease (土地流转) as the clerk records it from the signed contract. */
export class SignLeaseRequest {
  /** The operating entity that rents the land. */
  @Matches(ID('entity'), { message: 'entityId must be an entity id (entity-…)' })
  @ApiProperty({ example: 'entity-0f8fad5b-d9cb-569f-a165-70867728950e' })
  entityId!: string;

  /** The household that leases its land out. */
  @Matches(ID('household'), { message: 'householdId must be a household id (household-…)' })
  @ApiProperty({ example: 'household-7c9e6679-7425-50de-944b-e07fc1f90ae7' })
  householdId!: string;

  /** Leased area in mu (亩), a decimal string with at most two decimals. */
  @IsAreaMu()
  areaMu!: string;

  @IsFen({ description: 'Rent per mu per year, in fen' })
  rentPerMuYearFen!: number;

  /** First day of the term. */
  @IsLedgerDate()
  startsOn!: string;

  /** Last day of the term (inclusive); must be after startsOn. */
  @IsLedgerDate()
  endsOn!: string;

  @IsIn(RENT_SCHEDULES, { message: `schedule must be one of: ${RENT_SCHEDULES.join(', ')}` })
  @ApiProperty({ enum: RENT_SCHEDULES })
  schedule!: RentSchedule;
}
