import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, Matches, ValidateBy, ValidateNested } from 'class-validator';
import { IsLedgerDate, IsLedgerPeriod, IsLedgerText } from '../../http/validators';
import { idPattern } from '../../common/id-pattern';

/** Exactly one of: a dividend declaration, a collective's distribution, or a period (every payment in it). */
export class NoticeSubjectRequest {
  @IsOptional()
  @Matches(idPattern('dividend'), { message: 'declarationId must be a dividend declaration id (dividend-…)' })
  @ApiPropertyOptional({ example: 'dividend-0f8fad5b-d9cb-569f-a165-70867728950e' })
  declarationId?: string;

  @IsOptional()
  @Matches(idPattern('distribution'), { message: 'distributionId must be a distribution id (distribution-…)' })
  @ApiPropertyOptional({ example: 'distribution-0f8fad5b-d9cb-569f-a165-70867728950e' })
  distributionId?: string;

  @IsOptional()
  @IsLedgerPeriod(undefined, { required: false })
  period?: string;
}

const SUBJECT_KEYS = ['declarationId', 'distributionId', 'period'] as const;

/** A public notice (公示) as a clerk prepares it for a village. */
export class PostNoticeRequest {
  @IsLedgerText({ max: 50 })
  village!: string;

  @IsLedgerText({ max: 50 })
  township!: string;

  @IsLedgerText({ max: 200, example: '桃园村2018年光伏分红公示' })
  title!: string;

  @ValidateBy({
    name: 'oneSubject',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        SUBJECT_KEYS.filter((k) => (value as Record<string, unknown>)[k] !== undefined).length === 1,
      defaultMessage: () => 'subject must have exactly one of declarationId, distributionId, period',
    },
  })
  @ValidateNested()
  @Type(() => NoticeSubjectRequest)
  @ApiProperty({ type: NoticeSubjectRequest })
  subject!: NoticeSubjectRequest;

  /** First day on the wall (China time); may be past, for a paper notice recorded afterwards. */
  @IsLedgerDate()
  opensOn!: string;

  /** Last day on the wall, included: at least opensOn + 6 days. */
  @IsLedgerDate()
  closesOn!: string;
}
