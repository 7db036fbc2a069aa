import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { RequestMetadata } from '../../http/request-context';
import { AcquireStakeCommand } from './acquire-stake.command';
import { AcquireStakeRequest } from './acquire-stake.dto';

@ApiTags('linkages')
@ApiBearerAuth()
@Controller('v1/stakes')
export class AcquireStakeController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  acquire(@Body() body: AcquireStakeRequest, @RequestMetadata() metadata: CommandMetadata): Promise<WriteResult> {
    return this.commands.execute(new AcquireStakeCommand({ ...body }, metadata));
  }
}
