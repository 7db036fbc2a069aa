import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { idPattern } from '../../common/id-pattern';
import { IsFen, IsLedgerDate, IsLedgerText } from '../../http/validators';

/** Project money handed to a registered operating entity. */
export class DisburseProjectFundsRequest {
  @Matches(idPattern('entity'), { message: 'entityId must be an entity id (entity-…)' })
  @ApiProperty({ example: 'entity-6f1c1f0e-8a1b-5c2d-9e3f-0123456789ab' })
  entityId!: string;

  @IsFen()
  amountFen!: number;

  /** What the money is for (建设光伏电站, 购买基础母牛…). */
  @IsLedgerText({ max: 500, lineBreaks: true, example: '购买基础母牛' })
  purpose!: string;

  @IsLedgerDate()
  disbursedOn!: string;
}
