import i18next, { type TFunction } from "i18next";
import en from "../../locales/en.json" with { type: "json" };
import vi from "../../locales/vi.json" with { type: "json" };

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
// every update and re-evaluate the words of every message they sent (i18next took ~10% of a self-review step's
// CPU), so each language remembers its recent results: a key and its plain options give the same words each time.
const translators = new Map<Language, Translate>(LANGUAGES.map((lang) => [lang, remembering(instance.getFixedT(lang))]));
const REMEMBERED = 2_000;

function remembering(t: Translate): Translate {
  const translate = t as unknown as (...args: unknown[]) => string;
  let recent = new Map<string, string>();
  const remembered = (key: unknown, ...rest: unknown[]) => {
    const cacheKey = typeof key === "string" ? rememberKey(key, rest) : null;
    if (cacheKey === null) return translate(key, ...rest);
    let text = recent.get(cacheKey);
    if (text === undefined) {
      if (recent.size >= REMEMBERED) recent = new Map(); // bounded: counts and names vary without end
      recent.set(cacheKey, (text = translate(key, ...rest)));
    }
    return text;
  };
  // getFixedT's function carries its language and namespace (lng, ns, keyPrefix): keep them.
  return Object.assign(remembered, t) as unknown as Translate;
}

/**
 * Only a key alone, or with one object of numbers and short strings (names, dates): anything else, long texts
 * included, is translated every time and never kept.
 */
function rememberKey(key: string, rest: unknown[]): string | null {
  if (rest.length === 0) return key;
  const options = rest[0];
  if (rest.length > 1 || typeof options !== "object" || options === null) return null;
  let cacheKey = key;
  for (const [name, value] of Object.entries(options)) {
    if (typeof value !== "number" && !(typeof value === "string" && value.length <= 200)) return null;
    cacheKey += `\u0000${name}\u0001${value}`;
  }
  return cacheKey;
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
