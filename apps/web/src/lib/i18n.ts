import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import vi from '../locales/vi.json';
import { setDateLocale } from './dates';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'vp.lang';

function storedLanguage(): Language {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return v === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

const initial = storedLanguage();

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
  react: { useSuspense: false },
  showSupportNotice: false,
});

function apply(lng: string) {
  setDateLocale(lng);
  document.documentElement.lang = lng;
  document.title = i18n.t('app.title');
}
apply(initial);
i18n.on('languageChanged', apply);

export async function setLanguage(lng: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    /* private mode: the choice lasts for this tab only */
  }
  await i18n.changeLanguage(lng);
}

/** A translation when the key exists (and is a string), else the fallback — for codes coming from data. */
export function translateOr(key: string, fallback: string, options?: Record<string, unknown>): string {
  if (!i18n.exists(key)) {return fallback;}
  const v = i18n.t(key, { ...options, returnObjects: false });
  return typeof v === 'string' && v !== key ? v : fallback;
}

export default i18n;
