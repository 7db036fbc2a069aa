import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { IsLedgerText } from '../../http/validators';
import type { Role } from '../../common/actor';

export class RegisterUserRequest {
  @IsLedgerText({ max: 100 })
  name!: string;

  /** admin (everything), clerk (own townships), auditor (reads everything), household (own statement). */
  @IsIn(['admin', 'clerk', 'auditor', 'household'])
  role!: Role;

  /** Townships a clerk records and reads for. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsLedgerText({ max: 50, each: true, required: false })
  townships?: string[];

  /** The household a household user may read. */
  @IsOptional()
  @IsString()
  @Matches(/^household-[0-9a-f-]{36}$/, { message: 'householdId must be a household id' })
  householdId?: string;
}
