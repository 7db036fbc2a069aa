import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsFen, IsLedgerDate } from '../../http/validators';
import { idPattern } from '../../common/id-pattern';
import { LOAN_USES, SUBSIDY_PAYERS, type LoanUse, type SubsidyPayer } from '../loan.events';

/** A yearly rate in basis points (1 bp = 0.01 %): an integer from 1 to 10,000. */
function IsRateBp(description: string): PropertyDecorator {
  const message = 'must be an integer number of basis points from 1 to 10000';
  return applyDecorators(
    IsInt({ message }),
    Min(1, { message }),
    Max(10_000, { message }),
    ApiProperty({ type: 'integer', minimum: 1, maximum: 10_000, description }),
  );
}

/** Who pays back part of the interest (财政贴息), and at what rate. */
export class LoanSubsidyRequest {
  @IsRateBp('Subsidised yearly rate in basis points; at most the loan’s annualRateBp')
  rateBp!: number;

  @IsIn(SUBSIDY_PAYERS, { message: `payer must be one of: ${SUBSIDY_PAYERS.join(', ')}` })
  @ApiProperty({ enum: SUBSIDY_PAYERS })
  payer!: SubsidyPayer;

  /** The project whose fiscal funds pay the subsidy: required when payer is project, only allowed then. */
  @ApiPropertyOptional({ example: 'project-1b4e28ba-2fa1-51d2-883f-0016d3cca427' })
  @ValidateIf((o: LoanSubsidyRequest) => o.payer === 'project' || o.projectId !== undefined)
  @IsDefined({ message: 'projectId is required when the payer is project' })
  @Matches(idPattern('project'), { message: 'projectId must be a project id (project-…)' })
  @ValidateBy({
    name: 'onlyForProjectPayer',
    validator: {
      validate: (_: unknown, args) => (args?.object as LoanSubsidyRequest).payer === 'project',
      defaultMessage: () => 'projectId is only for a subsidy paid by a project',
    },
  })
  projectId?: string;
}

/** A poverty micro-credit loan (扶贫小额信贷) as the clerk records it from the bank's contract. */
export class RecordLoanRequest {
  @Matches(idPattern('household'), { message: 'householdId must be a household id (household-…)' })
  @ApiProperty({ example: 'household-7c9e6679-7425-50de-944b-e07fc1f90ae7' })
  householdId!: string;

  /** The lending bank (贷款银行). */
  @IsString({ message: 'lender must be text' })
  @Length(1, 100, { message: 'lender must be 1 to 100 characters' })
  @Matches(/\S/, { message: 'lender must not be blank' })
  @ApiProperty({ example: '英山县农商银行' })
  lender!: string;

  /** The loan contract's number (借款合同号), unique per lender. */
  @IsOptional()
  @IsString({ message: 'contractNo must be text' })
  @Length(1, 100, { message: 'contractNo must be 1 to 100 characters' })
  @Matches(/\S/, { message: 'contractNo must not be blank' })
  @ApiPropertyOptional({ example: 'YSNSH-2018-0042' })
  contractNo?: string;

  @IsFen({ description: 'Principal lent, in fen (at most 5,000,000: 50,000 yuan)' })
  principalFen!: number;

  @IsRateBp('Yearly interest rate in basis points (435 is 4.35 %)')
  annualRateBp!: number;

  @IsLedgerDate()
  disbursedOn!: string;

  /** After disbursedOn and at most the same date three years later. */
  @IsLedgerDate()
  maturesOn!: string;

  @IsIn(LOAN_USES, { message: `use must be one of: ${LOAN_USES.join(', ')}` })
  @ApiProperty({ enum: LOAN_USES })
  use!: LoanUse;

  /** The entity the loan is invested in (户贷企用): required exactly when use is invested_in_entity. */
  @ApiPropertyOptional({ example: 'entity-0f8fad5b-d9cb-569f-a165-70867728950e' })
  @ValidateIf((o: RecordLoanRequest) => o.use === 'invested_in_entity' || o.entityId !== undefined)
  @IsDefined({ message: 'entityId is required when use is invested_in_entity' })
  @Matches(idPattern('entity'), { message: 'entityId must be an entity id (entity-…)' })
  @ValidateBy({
    name: 'onlyForInvestedLoan',
    validator: {
      validate: (_: unknown, args) => (args?.object as RecordLoanRequest).use === 'invested_in_entity',
      defaultMessage: () => 'entityId is only for a loan invested_in_entity',
    },
  })
  entityId?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => LoanSubsidyRequest)
  @ApiPropertyOptional({ type: LoanSubsidyRequest })
  subsidy?: LoanSubsidyRequest;
}
