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

// A fixed T holds no per-update state: one per language serves every update. Conversations replay from the top on
// every update and re-evaluate each message's words, so a key without options is looked up once (a translation
// cost ~10% of a self-review step's CPU); words with options are formatted each time.
const translators = new Map<Language, Translate>(LANGUAGES.map((lang) => [lang, remembering(instance.getFixedT(lang))]));

function remembering(t: Translate): Translate {
  const translate = t as unknown as (...args: unknown[]) => string;
  const plain = new Map<string, string>();
  const remembered = (key: unknown, ...rest: unknown[]) => {
    if (typeof key !== "string" || rest.length > 0) return translate(key, ...rest);
    let text = plain.get(key);
    if (text === undefined) plain.set(key, (text = translate(key)));
    return text;
  };
  // getFixedT's function carries its language and namespace (lng, ns, keyPrefix): keep them.
  return Object.assign(remembered, t) as unknown as Translate;
}

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
