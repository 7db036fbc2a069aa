import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { newStreamId } from '../../common/ids';
import type { CommandMetadata } from '../../common/stream-writer';
import { RequestMetadata } from '../../http/request-context';
import { hashToken, TokenIssuer } from '../../auth/tokens';
import { RegisterUserCommand, type RegisterUserResult } from './register-user.command';
import { RegisterUserRequest } from './register-user.dto';
import { AllowedRoles } from '../../http/auth.guard';
import { LedgerWrite } from '../../http/contract/route-contract';

@ApiTags('users')
@ApiBearerAuth()
@Controller('v1/users')
export class RegisterUserController {
  constructor(
    private readonly commands: CommandBus,
    private readonly tokens: TokenIssuer,
  ) {}

  @AllowedRoles('admin')
  @LedgerWrite({
    summary: 'Register user',
    refusals: [
      'USER.ALREADY_REGISTERED',
      'USER.CLERK_NEEDS_TOWNSHIPS',
      'USER.HOUSEHOLD_ID_ONLY_FOR_HOUSEHOLDS',
      'USER.HOUSEHOLD_NEEDS_ID',
      'USER.UNKNOWN_HOUSEHOLD',
    ],
  })
  @Post()
  register(
    @Body() body: RegisterUserRequest,
    @RequestMetadata() metadata: CommandMetadata,
  ): Promise<RegisterUserResult> {
    const userId = newStreamId('user', metadata);
    const token = this.tokens.tokenFor(userId);
    return this.commands.execute(
      new RegisterUserCommand(
        {
          userId,
          name: body.name,
          role: body.role,
          townships: body.townships ?? [],
          ...(body.householdId ? { householdId: body.householdId } : {}),
          tokenHash: hashToken(token),
        },
        metadata,
        token,
      ),
    );
  }
}
