import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import { EntityIdPipe } from '../../entities/entity-id';
import { LedgerWrite } from '../../http/contract/route-contract';
import { RequestMetadata } from '../../http/request-context';
import { DeclareDistributionCommand, type DeclareDistributionResult } from './declare-distribution.command';
import { DeclareDistributionRequest } from './declare-distribution.dto';

@ApiTags('collectives')
@ApiBearerAuth()
@Controller('v1/collectives')
export class DeclareDistributionController {
  constructor(private readonly commands: CommandBus) {}

  @LedgerWrite({
    summary: 'Declare distribution',
    description:
      'A village collective shares part of its income out to households (二次分配): per household, per member or by weight, to the fen by largest remainder.',
    refusals: [
      'COLLECTIVE.NOT_FOUND',
      'COLLECTIVE.NOT_A_COLLECTIVE',
      'DISTRIBUTION.CONCURRENT',
      'DISTRIBUTION.BAD_PERIOD',
      'DISTRIBUTION.EXCEEDS_INCOME',
      'DISTRIBUTION.UNKNOWN_HOUSEHOLD',
      'DISTRIBUTION.HOUSEHOLD_OUTSIDE_TOWNSHIP',
      'DISTRIBUTION.HOUSEHOLD_REPEATED',
    ],
  })
  @Post(':id/distributions')
  declare(
    @Param('id', EntityIdPipe) collectiveId: string,
    @Body() body: DeclareDistributionRequest,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<DeclareDistributionResult> {
    return this.commands.execute(
      new DeclareDistributionCommand(
        { collectiveId, ...body, households: body.households.map((h) => ({ ...h })) },
        metadata,
      ),
    );
  }
}
