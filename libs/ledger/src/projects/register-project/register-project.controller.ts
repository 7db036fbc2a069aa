import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { newStreamId } from '../../common/ids';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { RequestMetadata } from '../../http/request-context';
import { RegisterProjectCommand } from './register-project.command';
import { RegisterProjectRequest } from './register-project.dto';
import { AllowedRoles } from '../../http/auth.guard';
import { LedgerWrite } from '../../http/contract/route-contract';

@ApiTags('registry')
@ApiBearerAuth()
@Controller('v1/projects')
export class RegisterProjectController {
  constructor(private readonly commands: CommandBus) {}

  @AllowedRoles('admin')
  @LedgerWrite({ summary: 'Register project', refusals: ['PROJECT.ALREADY_REGISTERED', 'PROJECT.UNKNOWN_OPERATOR'] })
  @Post()
  register(@Body() body: RegisterProjectRequest, @RequestMetadata() metadata: CommandMetadata): Promise<WriteResult> {
    return this.commands.execute(
      new RegisterProjectCommand({ ...body, projectId: newStreamId('project', metadata) }, metadata),
    );
  }
}
