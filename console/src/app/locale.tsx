import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import en from '../i18n/en.json';

export const LOCALES = ['en', 'ru', 'uk', 'de', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
/** Each language named in itself, as a switcher shows it. Proper names: not translated. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  ru: 'Русский',
  uk: 'Українська',
  de: 'Deutsch',
  fr: 'Français',
};
const STORAGE_KEY = 'sanctuary.locale';
export type Messages = Record<string, string>;

const catalogues = import.meta.glob<{ default: Messages }>(['../i18n/*.json', '!../i18n/en.json']);

export function initialLocale(): Locale {
  const stored = safeStorage()?.getItem(STORAGE_KEY);
  if (stored && (LOCALES as readonly string[]).includes(stored)) return stored as Locale;
  for (const language of navigator.languages ?? [navigator.language]) {
    const base = language.toLowerCase().split('-')[0];
    if ((LOCALES as readonly string[]).includes(base)) return base as Locale;
  }
  return 'en';
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

async function loadMessages(locale: Locale): Promise<Messages> {
  if (locale === 'en') return en;
  const loader = catalogues[`../i18n/${locale}.json`];
  return loader ? (await loader()).default : en;
}

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}
const LocaleContext = createContext<LocaleState>({ locale: 'en', setLocale: () => {} });
export const useLocale = () => useContext(LocaleContext);

/** react-intl with the chosen catalogue; the choice persists in localStorage and sets <html lang>. */
export function LocaleProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(initial ?? initialLocale());
  const [messages, setMessages] = useState<{ locale: Locale; messages: Messages }>({ locale: 'en', messages: en });

  useEffect(() => {
    let live = true;
    loadMessages(locale).then((m) => live && setMessages({ locale, messages: m }));
    document.documentElement.lang = locale;
    return () => {
      live = false;
    };
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    safeStorage()?.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);

  return (
    <LocaleContext.Provider value={{ locale, setLocale }}>
      <IntlProvider locale={messages.locale} messages={messages.messages} defaultLocale="en">
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}
