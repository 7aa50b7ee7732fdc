import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { NAMESPACES } from './namespaces';

/** The languages of the UI; Chinese is the default. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
/** One of LANGUAGES. */
export type Language = (typeof LANGUAGES)[number];

const STORED_LANGUAGE = 'gongwei.language';

function resources(): Record<Language, Record<string, Record<string, string>>> {
  const zh: Record<string, Record<string, string>> = {};
  const en: Record<string, Record<string, string>> = {};
  for (const [namespace, messages] of Object.entries(NAMESPACES)) {
    zh[namespace] = messages.zh;
    en[namespace] = messages.en;
  }
  return { 'zh-CN': zh, en };
}

/**
 * Ant Design's date pickers name months and weekdays through dayjs's global locale, which
 * ConfigProvider's locale does not set: without this a Chinese page shows "Select date".
 */
function followLanguage(language: Language): void {
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
}

/** The language kept from the last visit, else Chinese. */
export function storedLanguage(): Language {
  const kept = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORED_LANGUAGE);
  return kept === 'en' ? 'en' : 'zh-CN';
}

/** Switches the UI's language and keeps the choice for the next visit. */
export async function changeLanguage(language: Language): Promise<void> {
  if (typeof localStorage !== 'undefined') localStorage.setItem(STORED_LANGUAGE, language);
  document.documentElement.lang = language;
  followLanguage(language);
  await i18n.changeLanguage(language);
}

/** Starts i18next with every namespace, in `language` (default: the stored one). */
export function startI18n(language: Language = storedLanguage()): I18n {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: resources(),
      lng: language,
      fallbackLng: false,
      defaultNS: 'common',
      ns: Object.keys(NAMESPACES),
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
  }
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  followLanguage(language);
  return i18n;
}
