import type { PageProps } from '../console-routes';
import { may } from '../session';
import { HouseholdPage } from './HouseholdPage';
import { HouseholdsPage } from './HouseholdsPage';

/** The register at `#/households?q=…` (a query in the address searches at once). */
export function HouseholdsRoute({ session, params }: PageProps) {
  return (
    <HouseholdsPage token={session.token} initialQuery={params.get('q') ?? undefined} canPrint={may.write(session)} />
  );
}

/** One household at `#/h/<id>?p=<position>` (`p`: show it once the ledger has caught up to a write). */
export function HouseholdRoute({ session, path, params }: PageProps) {
  const shownAfter = Number(params.get('p') ?? '') || undefined;
  return (
    <HouseholdPage
      token={session.token}
      householdId={path[1] ?? ''}
      canWrite={may.write(session)}
      canErase={session.role === 'admin'}
      minPosition={shownAfter}
    />
  );
}
