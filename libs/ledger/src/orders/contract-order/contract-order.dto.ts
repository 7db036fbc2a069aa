import { IsFen, IsLedgerDate, IsLedgerText } from '../../http/validators';

export class ContractOrderRequest {
  @IsLedgerText({ max: 60, example: 'entity-…' })
  entityId!: string;

  @IsLedgerText({ max: 60, example: 'household-…' })
  householdId!: string;

  /** What the entity buys (产品), e.g. 茶叶鲜叶. */
  @IsLedgerText({ max: 100, example: '猕猴桃' })
  product!: string;

  /** The unit the price is per (计量单位), e.g. kg, 斤, 头. */
  @IsLedgerText({ max: 20, example: 'kg' })
  unit!: string;

  @IsFen({ description: 'Agreed price per unit, in fen' })
  priceFen!: number;

  @IsLedgerDate()
  startsOn!: string;

  /** Last day deliveries are bought under the contract. */
  @IsLedgerDate()
  endsOn!: string;
}
