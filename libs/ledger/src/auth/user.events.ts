import type { DomainEvent } from '../common/decider';
import type { Role } from '../common/actor';

/** The bootstrap admin's fixed user id. */
export const ADMIN_USER_ID = 'admin';

/** A person (or a household) given access to the ledger. Only the token's hash is ever stored. */
export type UserRegistered = DomainEvent<
  'UserRegistered',
  {
    userId: string;
    name: string;
    role: Role;
    townships: string[];
    householdId?: string;
    /** sha256 of the token, hex. */
    tokenHash: string;
  }
>;

/** The user's token was replaced (e.g. the admin token changed in configuration); the old one stops working. */
export type UserTokenReplaced = DomainEvent<'UserTokenReplaced', { userId: string; tokenHash: string; reason: string }>;

export type UserEvent = UserRegistered | UserTokenReplaced;
