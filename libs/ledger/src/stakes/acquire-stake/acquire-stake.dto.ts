import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsInt, Matches, Max, Min, ValidateBy, ValidateIf } from 'class-validator';
import { IsFen, IsLedgerDate } from '../../http/validators';
import { GUARANTORS, type GuaranteeSchedule, type Guarantor } from '../../primitives/guarantee';
import { RENT_SCHEDULES } from '../../primitives/rent';
import { IsHolderCollective, IsHolderHousehold } from '../stake-holder.dto';
import { idPattern } from '../../common/id-pattern';
import { STAKE_SOURCES, type StakeSource } from '../stake.events';

/** A stake as the clerk records it from the share certificate or agreement. */
export class AcquireStakeRequest {
  /** The operating entity the stake is held in. */
  @Matches(idPattern('entity'), { message: 'entityId must be an entity id (entity-…)' })
  @ApiProperty({ example: 'entity-0f8fad5b-d9cb-569f-a165-70867728950e' })
  entityId!: string;

  @IsHolderHousehold('The household the stake is held for.')
  householdId?: string;

  /** A village collective (村集体, an entity of kind village_collective) holding the stake (资产收益). */
  @IsHolderCollective('The village collective the stake is held for.')
  collectiveId?: string;

  /** The project whose money bought a `fiscal_fund` stake: required for it, refused for other sources. */
  @ApiPropertyOptional({
    example: 'project-1b4e28ba-2fa1-51d2-883f-0016d3cca427',
    description: 'Required when source is fiscal_fund; only allowed then.',
  })
  @ValidateIf((o: AcquireStakeRequest) => o.source === 'fiscal_fund' || o.projectId !== undefined)
  @IsDefined({ message: 'projectId is required for a fiscal_fund stake' })
  @Matches(idPattern('project'), { message: 'projectId must be a project id (project-…)' })
  @ValidateBy({
    name: 'onlyForFiscalFund',
    validator: {
      validate: (_: unknown, args) => (args?.object as AcquireStakeRequest).source === 'fiscal_fund',
      defaultMessage: () => 'projectId is only for fiscal_fund stakes',
    },
  })
  projectId?: string;

  /** Fiscal funds turned into shares (资金变股金), land (土地入股), a household loan (户贷企用), own cash. */
  @IsIn(STAKE_SOURCES, { message: `source must be one of: ${STAKE_SOURCES.join(', ')}` })
  @ApiProperty({ enum: STAKE_SOURCES })
  source!: StakeSource;

  /** The household's loan a `household_loan` stake was bought with (户贷企用); optional, only for that source. */
  @ApiPropertyOptional({
    example: 'loan-1b4e28ba-2fa1-51d2-883f-0016d3cca427',
    description: 'Only for a household_loan stake: the loan invested in the entity.',
  })
  @ValidateIf((o: AcquireStakeRequest) => o.loanId !== undefined)
  @Matches(idPattern('loan'), { message: 'loanId must be a loan id (loan-…)' })
  @ValidateBy({
    name: 'onlyForHouseholdLoan',
    validator: {
      validate: (_: unknown, args) => (args?.object as AcquireStakeRequest).source === 'household_loan',
      defaultMessage: () => 'loanId is only for household_loan stakes',
    },
  })
  loanId?: string;

  @IsFen({ description: 'Principal invested, in fen' })
  principalFen!: number;

  /** Shares held: the stake's weight in a pro-rata dividend. */
  @IsInt({ message: 'shares must be a positive integer' })
  @Min(1, { message: 'shares must be a positive integer' })
  @Max(Number.MAX_SAFE_INTEGER, { message: `shares must be at most ${Number.MAX_SAFE_INTEGER}` })
  @ApiProperty({ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER })
  shares!: number;

  @ApiPropertyOptional({ required: false })
  @ValidateIf((o: AcquireStakeRequest) => o.guaranteedYearlyFen !== undefined)
  @IsFen({ description: 'Guaranteed yearly dividend (保底分红), in fen' })
  guaranteedYearlyFen?: number;

  /** The periods a guarantee falls due in (default `yearly`); only with guaranteedYearlyFen. */
  @ApiPropertyOptional({ enum: RENT_SCHEDULES, default: 'yearly' })
  @ValidateIf((o: AcquireStakeRequest) => o.guaranteeSchedule !== undefined)
  @IsIn(RENT_SCHEDULES, { message: `guaranteeSchedule must be one of: ${RENT_SCHEDULES.join(', ')}` })
  @ValidateBy(onlyWithGuarantee('guaranteeSchedule'))
  guaranteeSchedule?: GuaranteeSchedule;

  /** Who covers a shortfall (default `entity`); `project` needs projectId. Only with guaranteedYearlyFen. */
  @ApiPropertyOptional({ enum: GUARANTORS, default: 'entity' })
  @ValidateIf((o: AcquireStakeRequest) => o.guarantor !== undefined)
  @IsIn(GUARANTORS, { message: `guarantor must be one of: ${GUARANTORS.join(', ')}` })
  @ValidateBy(onlyWithGuarantee('guarantor'))
  guarantor?: Guarantor;

  @IsLedgerDate()
  startsOn!: string;

  /** Last day of the term, if it has one; on or after startsOn. A guarantee needs one: a promise has a term. */
  @ApiPropertyOptional({ required: false, description: 'Required with guaranteedYearlyFen.' })
  @ValidateIf((o: AcquireStakeRequest) => o.endsOn !== undefined || o.guaranteedYearlyFen !== undefined)
  @IsDefined({ message: 'endsOn is required with guaranteedYearlyFen: a guarantee has a term' })
  @IsLedgerDate()
  endsOn?: string;
}

/** A guarantee's schedule and guarantor mean nothing without the guaranteed amount. */
function onlyWithGuarantee(field: string): Parameters<typeof ValidateBy>[0] {
  return {
    name: `${field}OnlyWithGuarantee`,
    validator: {
      validate: (_: unknown, args) => (args?.object as AcquireStakeRequest).guaranteedYearlyFen !== undefined,
      defaultMessage: () => `${field} is only for a stake with guaranteedYearlyFen`,
    },
  };
}
