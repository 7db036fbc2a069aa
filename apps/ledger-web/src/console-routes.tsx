import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from './api';
import type { Text } from './i18n';
import type { Session } from './session';

/** What every console page is given: take what you need (most pages want only `token`). */
export interface PageProps {
  session: Session;
  token: string;
  /** The address after `#/`, split at `/` (`#/h/household-…` is `['h', 'household-…']`). */
  path: string[];
  params: URLSearchParams;
}

/** Menu groups, in the side menu's order; a route without a group sits at the top level. */
export type MenuGroup = 'registry' | 'audit' | 'system';

type TitleKey = { [K in keyof Text]: Text[K] extends string ? K : never }[keyof Text];

export interface ConsoleRoute {
  /** The address's first segment: `#/<key>`. */
  key: string;
  /** The menu's and the breadcrumb's text (a key of i18n.ts, so both languages have it). */
  title: TitleKey;
  group?: MenuGroup;
  /** Who sees it in the menu and may open it (the API decides in the end; this hides what it would refuse). */
  roles: readonly Role[];
  /** A page of its own chunk, loaded when first opened. */
  page: LazyExoticComponent<ComponentType<PageProps>>;
  /** Not in the menu (a detail page); the breadcrumb and the menu's highlight go to `parent`. */
  hidden?: boolean;
  parent?: string;
}

/**
 * A page loaded when first opened, from its module's named export: the first screen downloads only
 * what it shows (a township's connection is slow; the chart library alone is most of the bundle).
 */
export function page<Name extends string>(
  load: () => Promise<Record<Name, ComponentType<PageProps>>>,
  name: Name,
): LazyExoticComponent<ComponentType<PageProps>> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

const STAFF = ['admin', 'clerk', 'auditor'] as const;
const WRITERS = ['admin', 'clerk'] as const;
const AUDIT = ['admin', 'auditor'] as const;

/**
 * Every page of the console, in menu order. TO ADD A PAGE, add one line here, e.g.
 *   { key: 'collective', title: 'menuCollective', group: 'registry', roles: WRITERS, page: page(() => import('./pages/CollectivePage'), 'CollectivePage') },
 * with `menuCollective` in i18n.ts (zh and en) and the page exporting `CollectivePage(props: { token: string })`
 * (or any part of PageProps). The side menu, the breadcrumb, the role check and code-splitting follow.
 */
export const ROUTES: readonly ConsoleRoute[] = [
  {
    key: 'dashboard',
    title: 'menuDashboard',
    roles: STAFF,
    page: page(() => import('./pages/DashboardPage'), 'DashboardPage'),
  },
  {
    key: 'households',
    title: 'menuHouseholds',
    group: 'registry',
    roles: STAFF,
    page: page(() => import('./pages/console-pages'), 'HouseholdsRoute'),
  },
  {
    key: 'h',
    title: 'householdDetail',
    roles: STAFF,
    hidden: true,
    parent: 'households',
    page: page(() => import('./pages/console-pages'), 'HouseholdRoute'),
  },
  {
    key: 'import',
    title: 'menuImport',
    group: 'registry',
    roles: WRITERS,
    page: page(() => import('./pages/ImportPage'), 'ImportPage'),
  },
  {
    key: 'loans',
    title: 'menuLoans',
    group: 'registry',
    roles: STAFF,
    page: page(() => import('./pages/LoansPage'), 'LoansPage'),
  },
  {
    key: 'c',
    title: 'menuCollectives',
    group: 'registry',
    roles: STAFF,
    page: page(() => import('./pages/CollectivePage'), 'CollectiveRoute'),
  },
  {
    key: 'notices',
    title: 'menuNotices',
    group: 'registry',
    roles: STAFF,
    page: page(() => import('./pages/NoticesPage'), 'NoticesRoute'),
  },
  {
    key: 'reconciliations',
    title: 'menuReconcile',
    group: 'registry',
    roles: STAFF,
    page: page(() => import('./pages/ReconciliationPage'), 'ReconciliationRoute'),
  },
  {
    key: 'arrears',
    title: 'menuArrears',
    group: 'audit',
    roles: STAFF,
    page: page(() => import('./pages/ArrearsPage'), 'ArrearsPage'),
  },
  {
    key: 'fund-flow',
    title: 'menuFundFlow',
    group: 'audit',
    roles: AUDIT,
    page: page(() => import('./pages/FundFlowPage'), 'FundFlowPage'),
  },
  {
    key: 'coverage',
    title: 'menuCoverage',
    group: 'audit',
    roles: AUDIT,
    page: page(() => import('./pages/CoveragePage'), 'CoveragePage'),
  },
  {
    key: 'verify',
    title: 'menuVerify',
    group: 'audit',
    roles: AUDIT,
    page: page(() => import('./pages/VerifyPage'), 'VerifyPage'),
  },
];

/** The route an address opens for this user: its own, or the dashboard when unknown or not allowed. */
export function routeFor(key: string | undefined, session: Session): ConsoleRoute {
  const found = ROUTES.find((r) => r.key === key && r.roles.includes(session.role));
  return found ?? ROUTES[0];
}
