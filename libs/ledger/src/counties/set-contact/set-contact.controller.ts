import { Body, Controller, HttpCode, Param, Put, type PipeTransform } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import type { CommandMetadata } from '../../common/stream-writer';
import { BadInputException } from '../../common/bad-input';
import { RequestMetadata } from '../../http/request-context';
import { SetContactCommand, type SetContactResult } from './set-contact.command';
import { SetContactRequest } from './set-contact.dto';
import { LedgerWrite } from '../../http/contract/route-contract';

/** A county as households' records name it (英山县): a name of 1 to 50 characters, no slashes. */
class CountyPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const county = value.trim();
    if (county.length === 0 || county.length > 50 || county !== value) {
      throw new BadInputException([
        { path: 'county', message: 'must be a county name of 1 to 50 characters, without surrounding spaces' },
      ]);
    }
    return county;
  }
}

@ApiTags('counties')
@ApiBearerAuth()
@Controller('v1/counties')
export class SetContactController {
  constructor(private readonly commands: CommandBus) {}

  /** Whom the county's households ask, printed on their cards; admin only. */
  @LedgerWrite({
    summary: 'Set a county contact',
    view: 'SetContactResult',
    refusals: ['AUTH.ADMIN_ONLY'],
    answers: { 200: 'Set: it replaces the contact set before.' },
  })
  @Put(':county/contact')
  @HttpCode(200)
  @ApiParam({ name: 'county', example: '英山县' })
  set(
    @Param('county', CountyPipe) county: string,
    @Body() body: SetContactRequest,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<SetContactResult> {
    return this.commands.execute(new SetContactCommand({ county, ...body }, metadata));
  }
}
