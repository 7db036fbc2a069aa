import { useEffect, useMemo, useState } from 'react';
import { setApiLang } from '../api';
import { LangContext, texts, type Lang } from '../i18n';
import { loadLang, saveLang } from '../lang';
import { parseHash } from '../route';
import { loadSession, saveSession } from '../session';
import { PhoneAcknowledge } from './PhoneAcknowledge';
import { phoneAddressWithoutToken } from './phone-address';
import { PhoneStatement } from './PhoneStatement';
import { useHouseholdStatement } from './use-household-statement';

/**
 * A household's statement on a phone, opened from the link on its printed card:
 * `phone.html#/s?h=<householdId>&token=<token>`. The token moves into this tab's session (the same
 * sessionStorage the console uses) and out of the address.
 */
export function PhoneApp() {
  const [lang, setLang] = useState<Lang>(loadLang);
  const t = texts[lang];
  setApiLang(lang);
  const context = useMemo(() => ({ lang, t }), [lang, t]);
  // Read once: the link's token, or the one this tab kept when the address was cleaned of it.
  const [link] = useState(() => {
    const { params } = parseHash(window.location.hash);
    const session = loadSession();
    const linked = params.get('token') ?? undefined;
    // Only a token the link itself carried becomes the tab's household session: a clerk's console
    // session in this tab is read with, never turned into a household's.
    return { householdId: params.get('h') ?? session?.householdId, token: linked ?? session?.token, linked };
  });
  const { householdId, token } = link;

  useEffect(() => {
    if (!link.linked || !link.householdId) return;
    saveSession({ token: link.linked, role: 'household', householdId: link.householdId });
    window.history.replaceState(null, '', phoneAddressWithoutToken(link.householdId));
  }, [link]);

  const { statement, error, proofs } = useHouseholdStatement(householdId, token, t);

  const switchLang = () => {
    const next = lang === 'zh' ? 'en' : 'zh';
    saveLang(next);
    setLang(next);
  };

  return (
    <LangContext.Provider value={context}>
      <main className="phone">
        <header>
          <h1>{t.myStatement}</h1>
          <button type="button" onClick={switchLang}>
            {t.language}
          </button>
        </header>
        {(!token || !householdId) && <div className="note warning">{t.linkMissing}</div>}
        {error && (
          <div className="note error" role="alert">
            {error}
          </div>
        )}
        {!statement && !error && token && householdId && <div className="loading" aria-busy="true" />}
        {statement && <PhoneStatement statement={statement} proofs={proofs} />}
        {statement && token && <PhoneAcknowledge statement={statement} token={token} />}
      </main>
    </LangContext.Provider>
  );
}
