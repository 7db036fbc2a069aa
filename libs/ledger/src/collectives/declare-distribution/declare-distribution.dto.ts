import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsFen, IsLedgerDate, IsLedgerPeriod } from '../../http/validators';
import { idPattern } from '../../common/id-pattern';
import { DISTRIBUTION_BASES, type DistributionBasis } from '../collective.events';

/** The most households one distribution lists (a village of the domain brief has 237). */
export const MAX_DISTRIBUTION_HOUSEHOLDS = 5_000;
/** The largest weight a village meeting may give one household. */
export const MAX_DISTRIBUTION_WEIGHT = 1_000_000;

/** One household taking part, with its weight when the basis is `weighted`. */
export class DistributionHouseholdRequest {
  @Matches(idPattern('household'), { message: 'householdId must be a household id (household-…)' })
  @ApiProperty({ example: 'household-7c9e6679-7425-50de-944b-e07fc1f90ae7' })
  householdId!: string;

  /** Required with basis `weighted`, refused otherwise: an integer from 1. */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_DISTRIBUTION_WEIGHT })
  @ValidateIf((o: DistributionHouseholdRequest) => o.weight !== undefined)
  @IsInt({ message: `weight must be an integer from 1 to ${MAX_DISTRIBUTION_WEIGHT}` })
  @Min(1, { message: `weight must be an integer from 1 to ${MAX_DISTRIBUTION_WEIGHT}` })
  @Max(MAX_DISTRIBUTION_WEIGHT, { message: `weight must be an integer from 1 to ${MAX_DISTRIBUTION_WEIGHT}` })
  weight?: number;
}

/** A distribution as the village meeting resolved it (二次分配方案). */
export class DeclareDistributionRequest {
  /** The period the income shared out is for: `2018`, `2018-H1`, `2018-Q3`, `2018-07`. */
  @IsLedgerPeriod()
  period!: string;

  @IsLedgerDate()
  declaredOn!: string;

  @IsFen({ description: 'The amount shared out, in fen; at most the collective’s undistributed income' })
  poolFen!: number;

  /** One part per household, one per registered member, or the weights given. */
  @IsIn(DISTRIBUTION_BASES, { message: `basis must be one of: ${DISTRIBUTION_BASES.join(', ')}` })
  @ApiProperty({ enum: DISTRIBUTION_BASES })
  basis!: DistributionBasis;

  @IsDefined({ message: 'households is required' })
  @IsArray({ message: 'households must be an array' })
  @ArrayMinSize(1, { message: 'households must list at least one household' })
  @ArrayMaxSize(MAX_DISTRIBUTION_HOUSEHOLDS, { message: `households lists at most ${MAX_DISTRIBUTION_HOUSEHOLDS}` })
  @ValidateNested({ each: true })
  @Type(() => DistributionHouseholdRequest)
  @ValidateBy({
    name: 'weightsMatchBasis',
    validator: {
      validate: (households: unknown, args) => {
        if (!Array.isArray(households)) return true;
        const weighted = (args?.object as DeclareDistributionRequest).basis === 'weighted';
        return households.every((h: { weight?: unknown }) => (h?.weight !== undefined) === weighted);
      },
      defaultMessage: () => 'households need a weight each exactly when basis is weighted',
    },
  })
  @ApiProperty({ type: [DistributionHouseholdRequest] })
  households!: DistributionHouseholdRequest[];
}
