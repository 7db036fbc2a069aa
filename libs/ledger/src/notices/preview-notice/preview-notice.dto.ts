import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsLedgerPeriod, IsLedgerText } from '../../http/validators';
import { idPattern } from '../../common/id-pattern';

/** Query string of `GET /v1/notices/preview`: the place and exactly one subject. */
export class PreviewNoticeRequest {
  @IsLedgerText({ max: 50 })
  village!: string;

  @IsLedgerText({ max: 50 })
  township!: string;

  @IsOptional()
  @Matches(idPattern('dividend'), { message: 'declarationId must be a dividend declaration id (dividend-…)' })
  @ApiPropertyOptional()
  declarationId?: string;

  @IsOptional()
  @Matches(idPattern('distribution'), { message: 'distributionId must be a distribution id (distribution-…)' })
  @ApiPropertyOptional()
  distributionId?: string;

  @IsOptional()
  @IsLedgerPeriod(undefined, { required: false })
  period?: string;
}
