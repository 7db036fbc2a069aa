import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor, Role } from '../../common/actor';
import { StreamWriter } from '../../common/stream-writer';
import { CurrentActor } from '../../http/request-context';
import { user, userStream } from '../../auth/user.state';
import { AllowedRoles } from '../../http/auth.guard';
import { LedgerQuery } from '../../http/contract/route-contract';

/** Who a token belongs to, as `GET /v1/me` answers it. */
export interface MeView {
  id: string;
  name: string;
  role: Role;
  /** Townships a clerk works for (empty for other roles). */
  townships: string[];
  /** The household a household user (or a household's statement link) reads. */
  householdId?: string;
  /** Set for a statement link (a signed, expiring token printed on a card), not a user's token. */
  link?: { expiresAt: string };
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('v1/me')
export class MeController {
  constructor(private readonly streams: StreamWriter) {}

  /** The signed-in user (any role): lets a client show who is signed in and what the role may do. */
  @AllowedRoles('admin', 'clerk', 'auditor', 'household')
  @LedgerQuery({ summary: 'Me', view: 'MeView' })
  @Get()
  async me(@CurrentActor() actor: Actor): Promise<MeView> {
    const own = {
      id: actor.userId,
      role: actor.role,
      townships: [...actor.townships],
      ...(actor.householdId ? { householdId: actor.householdId } : {}),
    };
    if (actor.link) return { ...own, name: '', link: { expiresAt: actor.link.expiresAt } };
    const { state } = await this.streams.read(userStream(actor.userId), user);
    return { ...own, name: state.status === 'active' ? state.name : actor.userId };
  }
}
