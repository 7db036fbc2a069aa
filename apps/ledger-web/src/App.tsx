import { App as AntApp, Button, ConfigProvider, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { setApiLang } from './api';
import { LangContext, texts, useT, type Lang } from './i18n';
import { go, useRoute } from './route';
import { clearSession, loadSession, may, saveSession, type Session } from './session';
import { SignInPage } from './pages/SignInPage';

// Each page is its own chunk, loaded when first opened: the first screen downloads only what it shows
// (a township's connection is slow; the Sankey and chart library alone are most of the bundle).
const ArrearsPage = lazy(() => import('./pages/ArrearsPage').then((m) => ({ default: m.ArrearsPage })));
const CoveragePage = lazy(() => import('./pages/CoveragePage').then((m) => ({ default: m.CoveragePage })));
const FundFlowPage = lazy(() => import('./pages/FundFlowPage').then((m) => ({ default: m.FundFlowPage })));
const HouseholdPage = lazy(() => import('./pages/HouseholdPage').then((m) => ({ default: m.HouseholdPage })));
const HouseholdsPage = lazy(() => import('./pages/HouseholdsPage').then((m) => ({ default: m.HouseholdsPage })));
const ImportPage = lazy(() => import('./pages/ImportPage').then((m) => ({ default: m.ImportPage })));
const LoansPage = lazy(() => import('./pages/LoansPage').then((m) => ({ default: m.LoansPage })));
const PublicStatementPage = lazy(() =>
  import('./pages/PublicStatementPage').then((m) => ({ default: m.PublicStatementPage })),
);
const VerifyPage = lazy(() => import('./pages/VerifyPage').then((m) => ({ default: m.VerifyPage })));

const LANG_KEY = 'ledger.lang';

export function App() {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh'));
  const [session, setSession] = useState<Session | undefined>(loadSession);
  const route = useRoute();
  const t = texts[lang];
  setApiLang(lang);
  const context = useMemo(() => ({ lang, t }), [lang, t]);

  const switchLang = () => {
    const next = lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem(LANG_KEY, next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    setLang(next);
  };
  // Stable, because pages call it from effects: a new function each render would run them again, forever.
  const signIn = useCallback((s: Session) => {
    saveSession(s);
    setSession(s);
  }, []);
  const signOut = () => {
    clearSession();
    setSession(undefined);
    go('/');
  };

  let screen;
  const [first, second] = route.path;
  if (first === 's') {
    screen = <PublicStatementPage route={route} session={session} onSession={signIn} onSwitchLang={switchLang} />;
  } else if (!session || session.role === 'household') {
    screen = <SignInPage onSignedIn={signIn} onSwitchLang={switchLang} />;
  } else {
    screen = (
      <Console
        session={session}
        first={first}
        second={second}
        params={route.params}
        onSignOut={signOut}
        onSwitchLang={switchLang}
      />
    );
  }

  return (
    <LangContext.Provider value={context}>
      <ConfigProvider
        locale={lang === 'zh' ? zhCN : enUS}
        theme={{ token: { colorPrimary: '#b7312c' } }}
        button={{ autoInsertSpace: false }}
      >
        <AntApp>
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 64 }} />}>{screen}</Suspense>
        </AntApp>
      </ConfigProvider>
    </LangContext.Provider>
  );
}

function roleLabel(t: ReturnType<typeof useT>['t'], role: Session['role']): string {
  switch (role) {
    case 'admin':
      return t.roleAdmin;
    case 'clerk':
      return t.roleClerk;
    case 'auditor':
      return t.roleAuditor;
    case 'household':
      return t.roleHousehold;
  }
}

function Console(props: {
  session: Session;
  first?: string;
  second?: string;
  params: URLSearchParams;
  onSignOut: () => void;
  onSwitchLang: () => void;
}) {
  const { t } = useT();
  const { session, first = 'households', second } = props;
  const audit = may.audit(session);
  const canImport = may.import(session);
  const items = [
    { key: 'households', label: t.menuHouseholds },
    ...(canImport ? [{ key: 'import', label: t.menuImport }] : []),
    { key: 'arrears', label: t.menuArrears },
    { key: 'loans', label: t.menuLoans },
    ...(audit
      ? [
          { key: 'fund-flow', label: t.menuFundFlow },
          { key: 'coverage', label: t.menuCoverage },
          { key: 'verify', label: t.menuVerify },
        ]
      : []),
  ];
  const selected = first === 'h' ? 'households' : first;
  const shownAfter = Number(props.params.get('p') ?? '') || undefined;
  let content;
  if (first === 'h' && second)
    content = (
      <HouseholdPage
        token={session.token}
        householdId={second}
        canWrite={may.write(session)}
        canErase={session.role === 'admin'}
        minPosition={shownAfter}
      />
    );
  else if (first === 'import' && canImport) content = <ImportPage token={session.token} />;
  else if (first === 'arrears') content = <ArrearsPage token={session.token} />;
  else if (first === 'loans') content = <LoansPage token={session.token} />;
  else if (first === 'fund-flow' && audit) content = <FundFlowPage token={session.token} />;
  else if (first === 'coverage' && audit) content = <CoveragePage token={session.token} />;
  else if (first === 'verify' && audit) content = <VerifyPage token={session.token} />;
  else
    content = (
      <HouseholdsPage
        token={session.token}
        initialQuery={props.params.get('q') ?? undefined}
        canPrint={may.write(session)}
      />
    );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 16 }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          {t.appTitle}
        </Typography.Title>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[selected]}
          items={items}
          onClick={(e) => go(`/${e.key}`)}
          style={{ flex: 1, minWidth: 0 }}
        />
        <Space>
          <span style={{ color: '#fff', whiteSpace: 'nowrap' }} aria-label={t.signedInAs}>
            {session.name}
          </span>
          <Tag color="gold" title={session.townships?.join('、')}>
            {roleLabel(t, session.role)}
            {session.role === 'clerk' && session.townships?.length ? ` · ${session.townships.join('、')}` : ''}
          </Tag>
          <Button size="small" onClick={props.onSwitchLang}>
            {t.language}
          </Button>
          <Button size="small" onClick={props.onSignOut}>
            {t.signOut}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 16 }}>
        <Suspense fallback={<Spin style={{ display: 'block', marginTop: 64 }} />}>{content}</Suspense>
      </Layout.Content>
    </Layout>
  );
}
