import i18next, { type TFunction } from "i18next";
import en from "../locales/en.json" with { type: "json" };
import vi from "../locales/vi.json" with { type: "json" };

export const LANGUAGES = ["vi", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

// One instance, initialised once; each update gets its own fixed T (never changeLanguage: global state).
const instance = i18next.createInstance();
await instance.init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  fallbackLng: "vi",
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
});

export type Translate = TFunction;

export function translatorFor(language: string): Translate {
  return instance.getFixedT(asLanguage(language));
}

export function asLanguage(language: string | undefined): Language {
  return LANGUAGES.includes(language as Language) ? (language as Language) : "vi";
}

/** True when the key exists in the given language (used by tests that every reason code has words). */
export function hasTranslation(key: string, language: Language): boolean {
  return instance.exists(key, { lng: language, fallbackLng: false });
}
