import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { QueryOptions } from '../../http/query-options.dto';
import { idPattern } from '../../stakes/stake-id';

/** Query string of `GET /v1/audit/fund-flow`. */
export class GetFundFlowRequest extends QueryOptions {
  /** The project whose money is traced. */
  @Matches(idPattern('project'), { message: 'projectId must be a project id (project-…)' })
  @ApiProperty({ example: 'project-7c9e6679-7425-50de-944b-e07fc1f90ae7' })
  projectId!: string;
}
