import type { Lang } from './i18n';

// The language a person chose, kept across visits and shared by the console and the phone page.
const LANG_KEY = 'ledger.lang';

export function loadLang(): Lang {
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
}

export function saveLang(lang: Lang): void {
  localStorage.setItem(LANG_KEY, lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}
