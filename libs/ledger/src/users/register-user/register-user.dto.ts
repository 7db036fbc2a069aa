import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import type { Role } from '../../common/actor';

export class RegisterUserRequest {
  @IsString()
  @Length(1, 100)
  name!: string;

  /** admin (everything), clerk (own townships), auditor (reads everything), household (own statement). */
  @IsIn(['admin', 'clerk', 'auditor', 'household'])
  role!: Role;

  /** Townships a clerk records and reads for. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 50, { each: true })
  townships?: string[];

  /** The household a household user may read. */
  @IsOptional()
  @IsString()
  @Matches(/^household-[0-9a-f-]{36}$/, { message: 'householdId must be a household id' })
  householdId?: string;
}
