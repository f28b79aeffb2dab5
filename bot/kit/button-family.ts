// Typed button data. Each family has a prefix (unique in the whole bot: checked when its module loads), named
// fields and one strict codec. A button's data is user input (forgeable; on Zalo, typed as a numbered reply):
// unpack refuses anything pack would not produce, and the filter matches exactly what unpack accepts.
// Data: `prefix[:variant]:field:field…`, at most Telegram's 64 bytes.

const MAX_CALLBACK_BYTES = 64;
const NAME = /^[a-z][a-z0-9]*$/;

/** One field: a regex (no capturing groups) of its text, the parse that refuses what it cannot read, the format. */
export type Field<T> = {
  readonly pattern: string;
  parse(text: string): T | null;
  format(value: T): string;
  readonly optional?: boolean;
};

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A row id: Prisma's cuid() and store/ids.ts, 25 characters starting with "c". */
export const id: Field<string> = { pattern: "c[0-9a-z]{24}", parse: (text) => text, format: (value) => value };

/** A count or a page: digits without a leading zero. */
export const int: Field<number> = {
  pattern: "0|[1-9][0-9]{0,8}",
  parse: (text) => Number(text),
  format: (value) => String(value),
};

/** One of a fixed list of words. */
export function oneOf<const T extends string>(values: readonly T[]): Field<T> {
  return { pattern: values.map(escapeRegex).join("|"), parse: (text) => values.find((v) => v === text) ?? null, format: (v) => v };
}

/** One of a fixed list, carried as its index (short data for long names). */
export function byIndex<const T>(values: readonly T[]): Field<T> {
  return {
    pattern: values.map((_, i) => String(i)).join("|"),
    parse: (text) => values[Number(text)] ?? null,
    format: (value) => String(values.indexOf(value)),
  };
}

/** One of a fixed list of values, each carried as its own word. */
export function listed<T>(values: readonly T[], wordOf: (value: T) => string): Field<T> {
  const words = values.map(wordOf);
  return {
    pattern: words.map(escapeRegex).join("|"),
    parse: (text) => values[words.indexOf(text)] ?? null,
    format: wordOf,
  };
}

/** A word of a fixed shape, e.g. `y2026` (regex without capturing groups). */
export function matching(shape: RegExp): Field<string> {
  return { pattern: shape.source, parse: (text) => text, format: (value) => value };
}

/** A last field that may be left out. */
export function optional<T>(field: Field<T>): Field<T> & { readonly optional: true } {
  return { ...field, optional: true };
}

type Fields = Record<string, Field<never> | Field<unknown>>;
type ValueOf<F> = F extends Field<infer T> ? T : never;
type OptionalKeys<F extends Fields> = { [K in keyof F]: F[K]["optional"] extends true ? K : never }[keyof F];
type Flat<T> = { [K in keyof T]: T[K] };
export type ValuesOf<F extends Fields> = Flat<
  { [K in Exclude<keyof F, OptionalKeys<F>>]: ValueOf<F[K]> } & { [K in OptionalKeys<F>]?: ValueOf<F[K]> }
>;
type VariantValues<V extends Record<string, Fields>> = { [K in keyof V & string]: Flat<{ kind: K } & ValuesOf<V[K]>> }[keyof V & string];

export type ButtonFamily<V> = {
  readonly prefix: string;
  /** The data of a button; throws on data Telegram would refuse or a value the family would not read back. */
  pack(values: V): string;
  /** The values of a button's data, or null for anything else (another family's, forged, stale, malformed). */
  unpack(data: string | undefined): V | null;
  /** For `callbackQuery(filter, …)`: matches exactly the data `unpack` accepts. */
  readonly filter: RegExp;
};

/** A family with one field, `choice`: the buttons of a question in a dialog. */
export type ChoiceFamily<C extends string = string> = ButtonFamily<{ choice: C }>;

/**
 * The buttons of one question of a dialog, declared in the dialog's own file (a new dialog with a question and two
 * buttons touches nothing else); its prefix is unique in the whole bot like every family's.
 */
export function questionButtons<const C extends string>(prefix: string, choices: readonly C[]): ChoiceFamily<C> {
  return buttonFamily(prefix, { choice: oneOf(choices) });
}

const prefixes = new Set<string>();

/** Every prefix declared so far (bot/kit/buttons/ declares them all). */
export function registeredPrefixes(): readonly string[] {
  return [...prefixes];
}

function register(prefix: string): void {
  if (!NAME.test(prefix)) throw new Error(`button prefix "${prefix}" must be lowercase letters and digits`);
  if (prefixes.has(prefix)) throw new Error(`button prefix "${prefix}" is declared twice`);
  prefixes.add(prefix);
}

/** The regex body of some fields (`:(a):(b)`) and how to read and write their values. */
function shape(fields: Fields) {
  const entries = Object.entries(fields) as [string, Field<unknown>][];
  const firstOptional = entries.findIndex(([, f]) => f.optional);
  if (firstOptional >= 0 && entries.slice(firstOptional).some(([, f]) => !f.optional)) throw new Error("optional fields go last");
  return {
    body: entries.map(([, f]) => (f.optional ? `(?::(${f.pattern}))?` : `:(${f.pattern})`)).join(""),
    read(groups: readonly (string | undefined)[]): Record<string, unknown> | null {
      const values: Record<string, unknown> = {};
      for (const [i, [name, f]] of entries.entries()) {
        const text = groups[i];
        if (text === undefined) continue; // only an optional field can be absent: the regex requires the others
        const value = f.parse(text);
        if (value === null) return null;
        values[name] = value;
      }
      return values;
    },
    write(values: Record<string, unknown>): string {
      return entries.map(([name, f]) => (values[name] === undefined ? "" : `:${f.format(values[name])}`)).join("");
    },
  };
}

function checked(data: string, readBack: unknown): string {
  if (Buffer.byteLength(data, "utf8") > MAX_CALLBACK_BYTES) throw new Error(`button data over ${MAX_CALLBACK_BYTES} bytes: ${data}`);
  if (readBack === null) throw new Error(`button data its family would refuse: ${data}`);
  return data;
}

/** `prefix:field:field…` */
export function buttonFamily<F extends Fields>(prefix: string, fields: F): ButtonFamily<ValuesOf<F>> {
  register(prefix);
  const { body, read, write } = shape(fields);
  const filter = new RegExp(`^${prefix}${body}$`);
  const family: ButtonFamily<ValuesOf<F>> = {
    prefix,
    filter,
    pack(values) {
      const data = `${prefix}${write(values)}`;
      return checked(data, family.unpack(data));
    },
    unpack(data) {
      const match = data === undefined ? null : filter.exec(data);
      return match ? (read(match.slice(1)) as ValuesOf<F> | null) : null;
    },
  };
  return family;
}

/** `prefix:variant:field…`: one family whose buttons do different things, each with its own fields. */
export function buttonVariants<V extends Record<string, Fields>>(prefix: string, variants: V): ButtonFamily<VariantValues<V>> {
  register(prefix);
  const shapes = new Map(
    Object.entries(variants).map(([kind, fields]) => {
      if (!NAME.test(kind)) throw new Error(`button variant "${kind}" must be lowercase letters and digits`);
      const s = shape(fields);
      return [kind, { ...s, filter: new RegExp(`^${prefix}:${kind}${s.body}$`) }] as const;
    }),
  );
  const filter = new RegExp(`^${prefix}:(?:${[...shapes].map(([kind, s]) => `${kind}${s.body.replace(/\((?!\?)/g, "(?:")}`).join("|")})$`);
  const family: ButtonFamily<VariantValues<V>> = {
    prefix,
    filter,
    pack(values) {
      const { kind, ...rest } = values as { kind: string } & Record<string, unknown>;
      const data = `${prefix}:${kind}${shapes.get(kind)?.write(rest) ?? ""}`;
      return checked(data, family.unpack(data));
    },
    unpack(data) {
      const kind = data?.slice(prefix.length + 1).split(":")[0] ?? "";
      const s = shapes.get(kind); // a Map: "__proto__" or "constructor" are not variants
      const match = data === undefined || !s ? null : s.filter.exec(data);
      const values = match && s ? s.read(match.slice(1)) : null;
      return values ? ({ kind, ...values } as VariantValues<V>) : null;
    },
  };
  return family;
}
