import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import { EntityIdPipe } from '../../entities/entity-id';
import { declarationIdFor } from '../dividend-id';
import { RequestMetadata } from '../../http/request-context';
import { DeclareDividendCommand, type DeclareDividendResult } from './declare-dividend.command';
import { DeclareDividendRequest } from './declare-dividend.dto';
import { LedgerWrite } from '../../http/contract/route-contract';

@ApiTags('linkages')
@ApiBearerAuth()
@Controller('v1/entities')
export class DeclareDividendController {
  constructor(private readonly commands: CommandBus) {}

  @LedgerWrite({
    summary: 'Declare dividend',
    refusals: [
      'DIVIDEND.ALREADY_DECLARED',
      'DIVIDEND.BAD_PERIOD',
      'DIVIDEND.NO_ACTIVE_STAKES',
      'DIVIDEND.NO_GUARANTEED_STAKES',
      'DIVIDEND.TOO_LARGE',
      'DIVIDEND.TOO_MANY_SHARES',
      'ENTITY.NOT_FOUND',
    ],
  })
  @Post(':id/dividends')
  declare(
    @Param('id', EntityIdPipe) entityId: string,
    @Body() body: DeclareDividendRequest,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<DeclareDividendResult> {
    return this.commands.execute(
      new DeclareDividendCommand(
        { ...body, entityId, declarationId: declarationIdFor(entityId, body.period, body.supplementary, metadata) },
        metadata,
      ),
    );
  }
}
