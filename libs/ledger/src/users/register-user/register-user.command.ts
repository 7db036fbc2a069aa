import { Command } from '@nestjs/cqrs';
import type { Role } from '../../common/actor';
import type { CommandMetadata } from '../../common/stream-writer';

export interface RegisterUserResult {
  id: string;
  position: number;
  token: string;
}

/** Give someone access. The token is created by the handler and shown once; only its hash is kept. */
export class RegisterUserCommand extends Command<RegisterUserResult> {
  constructor(
    readonly payload: {
      userId: string;
      name: string;
      role: Role;
      townships: string[];
      householdId?: string;
      tokenHash: string;
    },
    readonly metadata: CommandMetadata,
    /** The plain token, returned once to the admin; only `payload.tokenHash` is recorded. */
    readonly token: string,
  ) {
    super();
  }
}
