import { Body, Controller, Injectable, Param, Post, type PipeTransform } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { LedgerWrite } from '../../http/contract/route-contract';
import { RequestMetadata } from '../../http/request-context';
import { ResolveObjectionCommand } from './resolve-objection.command';
import { objectionNotFound } from './resolve-objection.decide';
import { ResolveObjectionRequest } from './resolve-objection.dto';
import { isObjectionId } from './resolve-objection.handler';

/** An objection's (`notice-….o1`) or a grievance's (`acknowledgement-….a1`) id; anything else is a 404. */
@Injectable()
export class ObjectionIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isObjectionId(value)) throw objectionNotFound(value);
    return value;
  }
}

@ApiTags('notices')
@ApiBearerAuth()
@Controller('v1/objections')
export class ResolveObjectionController {
  constructor(private readonly commands: CommandBus) {}

  @LedgerWrite({
    summary: 'Resolve objection or grievance',
    refusals: ['OBJECTION.NOT_FOUND', 'OBJECTION.ALREADY_RESOLVED', 'AUTH.OTHER_TOWNSHIP'],
  })
  @Post(':id/resolution')
  resolve(
    @Param('id', ObjectionIdPipe) objectionId: string,
    @Body() body: ResolveObjectionRequest,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<WriteResult> {
    return this.commands.execute(new ResolveObjectionCommand({ objectionId, ...body }, metadata));
  }
}
