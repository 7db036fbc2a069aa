import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { setApiLang } from './api';
import { LangContext, texts, type Lang } from './i18n';
import { loadLang, saveLang } from './lang';
import { phoneAddressFor } from './phone/phone-address';
import { go, useRoute } from './route';
import { clearSession, loadSession, saveSession, type Session } from './session';
import { ConsoleLayout } from './shell/ConsoleLayout';
import { SignInPage } from './pages/SignInPage';

// The console's pages are in console-routes.tsx, each its own chunk. The household's phone page is not
// among them: it is its own entry (phone.html, src/phone/), without antd.

export function App() {
  const [lang, setLang] = useState<Lang>(loadLang);
  const [session, setSession] = useState<Session | undefined>(loadSession);
  const route = useRoute();
  const t = texts[lang];
  setApiLang(lang);
  const context = useMemo(() => ({ lang, t }), [lang, t]);

  const switchLang = () => {
    const next = lang === 'zh' ? 'en' : 'zh';
    saveLang(next);
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
    // A link to the statement's old address (`#/s?…`, on cards printed before the phone page had its
    // own entry) reached the console after it loaded: on to the phone page. index.html's
    // public/old-phone-link.js does the same before the console's JavaScript runs.
    screen = <OnToPhonePage />;
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

/** Leaves the console for the phone page, with the link's hash (its household and token). */
function OnToPhonePage() {
  useEffect(() => window.location.replace(phoneAddressFor(window.location.hash)), []);
  return null;
}
