import { IsLedgerText } from '../../http/validators';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Matches, ValidateIf } from 'class-validator';
import { idPattern } from '../../common/id-pattern';
import { ASSISTANCE_MODELS, PROJECT_INDUSTRIES, type AssistanceModel, type ProjectIndustry } from '../project.events';

/** A project as the ledger records it. */
export class RegisterProjectRequest {
  @IsLedgerText({ max: 200, example: '石头村光伏扶贫电站' })
  name!: string;

  /** Planting (特色种植), breeding (特色养殖), processing (特色加工), tourism (乡村旅游), e-commerce (电商流通), PV (光伏扶贫). */
  @IsIn(PROJECT_INDUSTRIES)
  @ApiProperty({ enum: PROJECT_INDUSTRIES })
  industry!: ProjectIndustry;

  /** County or district (县/区). */
  @IsLedgerText({ max: 50, example: '英山县' })
  county!: string;

  /** The registered entity operating the project. */
  @ApiPropertyOptional({ example: 'entity-6f1c1f0e-8a1b-5c2d-9e3f-0123456789ab' })
  @ValidateIf((o: RegisterProjectRequest) => o.operatorId !== undefined)
  @Matches(idPattern('entity'), { message: 'operatorId must be an entity id (entity-…)' })
  operatorId?: string;

  /** Direct (直接帮扶), cooperative (合作帮扶), asset income (资产收益), social (社会帮扶), project-driven (项目带动). */
  @ApiPropertyOptional({ enum: ASSISTANCE_MODELS })
  @ValidateIf((o: RegisterProjectRequest) => o.assistanceModel !== undefined)
  @IsIn(ASSISTANCE_MODELS, { message: `assistanceModel must be one of: ${ASSISTANCE_MODELS.join(', ')}` })
  assistanceModel?: AssistanceModel;
}
