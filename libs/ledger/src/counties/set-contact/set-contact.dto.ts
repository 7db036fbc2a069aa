import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

/** A telephone number as people write it: digits, spaces, hyphens, parentheses, a leading +. */
const PHONE = /^\+?[0-9][0-9 ()-]{2,38}$/;
const PHONE_MESSAGE = 'must be a telephone number: 3 to 40 digits, spaces, hyphens or parentheses';

/** Body of `PUT /v1/counties/{county}/contact`. */
export class SetContactRequest {
  /** Who households ask, as printed on their cards. */
  @IsString()
  @Length(1, 100)
  @ApiProperty({ example: '英山县乡村振兴局' })
  office!: string;

  @IsString()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  @ApiProperty({ example: '0713-7012345' })
  phone!: string;

  /** Where to complain; the national supervision hotline 12317 when left out. */
  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: PHONE_MESSAGE })
  @ApiPropertyOptional({ example: '12317' })
  hotline?: string;
}
