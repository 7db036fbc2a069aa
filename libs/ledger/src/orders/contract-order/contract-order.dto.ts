import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsFen, IsLedgerDate } from '../../http/validators';

export class ContractOrderRequest {
  @IsString()
  @Length(1, 60)
  @ApiProperty({ example: 'entity-…' })
  entityId!: string;

  @IsString()
  @Length(1, 60)
  @ApiProperty({ example: 'household-…' })
  householdId!: string;

  /** What the entity buys (产品), e.g. 茶叶鲜叶. */
  @IsString()
  @Length(1, 100)
  @ApiProperty({ example: '猕猴桃' })
  product!: string;

  /** The unit the price is per (计量单位), e.g. kg, 斤, 头. */
  @IsString()
  @Length(1, 20)
  @ApiProperty({ example: 'kg' })
  unit!: string;

  @IsFen({ description: 'Agreed price per unit, in fen' })
  priceFen!: number;

  @IsLedgerDate()
  startsOn!: string;

  /** Last day deliveries are bought under the contract. */
  @IsLedgerDate()
  endsOn!: string;
}
