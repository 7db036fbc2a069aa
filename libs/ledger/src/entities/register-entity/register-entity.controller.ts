import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { newStreamId } from '../../common/ids';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { RequestMetadata } from '../../http/request-context';
import { RegisterEntityCommand } from './register-entity.command';
import { RegisterEntityRequest } from './register-entity.dto';
import { LedgerWrite } from '../../http/contract/route-contract';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('v1/entities')
export class RegisterEntityController {
  constructor(private readonly commands: CommandBus) {}

  @LedgerWrite({ summary: 'Register entity', refusals: ['ENTITY.ALREADY_REGISTERED'] })
  @Post()
  register(@Body() body: RegisterEntityRequest, @RequestMetadata() metadata: CommandMetadata): Promise<WriteResult> {
    return this.commands.execute(
      new RegisterEntityCommand({ ...body, entityId: newStreamId('entity', metadata) }, metadata),
    );
  }
}
