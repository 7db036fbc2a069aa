import { forbidden } from './domain-error';

/** Roles of the contract: admin (everything), clerk (own townships), auditor (reads), household (own statement). */
export type Role = 'admin' | 'clerk' | 'auditor' | 'household';

/** Who is issuing a command or query, as established by authentication. */
export interface Actor {
  userId: string;
  role: Role;
  /** Townships a clerk may write and read for. */
  townships: readonly string[];
  /** The one household a household user may read. */
  householdId?: string;
  /** Set when the token is a clarity card's statement link rather than a user's token. */
  link?: { expiresAt: string };
}

/** Refuses unless the actor may write for something in `township` (admins anywhere, clerks in theirs). */
export function assertMayWriteIn(actor: Actor, township: string): void {
  if (actor.role === 'admin') return;
  if (actor.role === 'clerk' && actor.townships.includes(township)) return;
  if (actor.role === 'clerk') {
    throw forbidden(
      'AUTH.OTHER_TOWNSHIP',
      `Clerks may write only for their own townships; this concerns ${township}.`,
      `经办人只能为本人负责的乡镇记账；此项属于${township}。`,
    );
  }
  throw forbidden(
    'AUTH.READ_ONLY_ROLE',
    `The ${actor.role} role cannot record anything.`,
    `${roleZh(actor.role)}角色不能记账。`,
  );
}

/** Refuses unless the actor is an admin: projects, funds, disbursements and users are theirs alone. */
export function assertAdmin(actor: Actor): void {
  if (actor.role !== 'admin') {
    throw forbidden('AUTH.ADMIN_ONLY', 'Only an admin may do this.', '只有管理员可以执行此操作。');
  }
}

/** Refuses unless the actor may read what concerns `township` (and, for households, their own). */
export function assertMayReadIn(actor: Actor, township: string, householdId?: string): void {
  if (actor.role === 'admin' || actor.role === 'auditor') return;
  if (actor.role === 'clerk' && actor.townships.includes(township)) return;
  if (actor.role === 'household' && householdId !== undefined && actor.householdId === householdId) return;
  throw forbidden('AUTH.NOT_YOURS', 'You may not read this.', '您无权查看此项。');
}

export function roleZh(role: Role): string {
  switch (role) {
    case 'admin':
      return '管理员';
    case 'clerk':
      return '经办人';
    case 'auditor':
      return '审计';
    case 'household':
      return '农户';
    default: {
      const never: never = role;
      return never;
    }
  }
}
