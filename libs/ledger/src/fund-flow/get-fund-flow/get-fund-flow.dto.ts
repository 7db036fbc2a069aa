import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, Matches, ValidateBy, ValidateIf } from 'class-validator';
import { QueryOptions } from '../../http/query-options.dto';
import { IsLedgerText } from '../../http/validators';
import { idPattern } from '../../common/id-pattern';

/** What the answer adds on request: `sankey`, what the console's diagram needs in the one answer. */
export const FUND_FLOW_DETAILS = ['sankey'] as const;
export type FundFlowDetail = (typeof FUND_FLOW_DETAILS)[number];

/** Query string of `GET /v1/audit/fund-flow`: one project's flow, or a county's (exactly one of the two). */
export class GetFundFlowRequest extends QueryOptions {
  /** The project whose money is traced. */
  @ValidateIf((o: GetFundFlowRequest) => o.projectId !== undefined || o.county === undefined)
  @IsDefined({ message: 'projectId is required unless county is given' })
  @Matches(idPattern('project'), { message: 'projectId must be a project id (project-…)' })
  @ApiPropertyOptional({
    example: 'project-7c9e6679-7425-50de-944b-e07fc1f90ae7',
    description: 'One project’s flow; leave out for a county’s.',
  })
  projectId?: string;

  /** The county (县区) whose projects are summed, with the leftovers; only without `projectId`. */
  @ValidateIf((o: GetFundFlowRequest) => o.county !== undefined)
  @IsLedgerText({ max: 50, required: false, example: '英山县' })
  @ValidateBy({
    name: 'onlyWithoutProject',
    validator: {
      validate: (_: unknown, args) => (args?.object as GetFundFlowRequest).projectId === undefined,
      defaultMessage: () => 'county is only without projectId (a project’s flow is its own)',
    },
  })
  @ApiPropertyOptional({
    example: '英山县',
    description: 'A county’s flow, summed over its projects; without projectId.',
  })
  county?: string;

  /**
   * `sankey`: a county's answer adds every project's own flow (`projectFlows`), and either answer the
   * places of its households (`households`): the diagram's figures in one request.
   */
  @IsOptional()
  @IsIn(FUND_FLOW_DETAILS, { message: `detail must be one of: ${FUND_FLOW_DETAILS.join(', ')}` })
  @ApiPropertyOptional({ enum: FUND_FLOW_DETAILS, description: 'sankey: add projectFlows (county) and households.' })
  detail?: FundFlowDetail;
}
