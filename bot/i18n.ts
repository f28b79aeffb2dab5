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

// A fixed T holds no per-update state: one per language serves every update (getFixedT per call cost ~10% of a
// self-review step's CPU, the dialog replaying from the top on every update).
const translators = new Map<Language, Translate>(LANGUAGES.map((lang) => [lang, instance.getFixedT(lang)]));

export function translatorFor(language: string): Translate {
  return translators.get(asLanguage(language))!;
}

export function asLanguage(language: string | undefined): Language {
  return LANGUAGES.includes(language as Language) ? (language as Language) : "vi";
}

/** True when the key exists in the given language (used by tests that every reason code has words). */
export function hasTranslation(key: string, language: Language): boolean {
  return instance.exists(key, { lng: language, fallbackLng: false });
}
