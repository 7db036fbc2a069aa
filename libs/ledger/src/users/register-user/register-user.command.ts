import { Command } from '@nestjs/cqrs';
import type { UserRegistered } from '../../auth/user.events';
import type { CommandMetadata } from '../../common/stream-writer';

export interface RegisterUserResult {
  id: string;
  position: number;
  token: string;
}

/** Give someone access. The token is created by the handler and shown once; only its hash is kept. */
export class RegisterUserCommand extends Command<RegisterUserResult> {
  constructor(
    readonly payload: UserRegistered['data'],
    readonly metadata: CommandMetadata,
    /** The plain token, returned once to the admin; only `payload.tokenHash` is recorded. */
    readonly token: string,
  ) {
    super();
  }
}
