import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { setApiLang } from './api';
import { LangContext, texts, type Lang } from './i18n';
import { go, useRoute } from './route';
import { clearSession, loadSession, saveSession, type Session } from './session';
import { ConsoleLayout } from './shell/ConsoleLayout';
import { SignInPage } from './pages/SignInPage';

// The phone page is its own chunk; the console's pages are in console-routes.tsx, each its own chunk too.
const PublicStatementPage = lazy(() =>
  import('./pages/PublicStatementPage').then((m) => ({ default: m.PublicStatementPage })),
);

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
  const [first] = route.path;
  if (first === 's') {
    screen = <PublicStatementPage route={route} session={session} onSession={signIn} onSwitchLang={switchLang} />;
  } else if (!session || session.role === 'household') {
    screen = <SignInPage onSignedIn={signIn} onSwitchLang={switchLang} />;
  } else {
    screen = <ConsoleLayout session={session} route={route} onSignOut={signOut} onSwitchLang={switchLang} />;
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
