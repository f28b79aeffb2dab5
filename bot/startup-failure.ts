// A bot that cannot start says why in one sentence and exits non-zero: an operator reads a sentence, not a stack.
import { DEFAULT_DATABASE_URL, sqliteFilePath, UnknownMigrationError } from "../store/migrate";
import { storageProblemOf } from "../store/storage-errors";
import { ConfigError } from "./config";

/** Exit codes: 2 a configuration to fix, 3 a database that cannot be used as it is, 1 anything unforeseen. */
export const EXIT = { config: 2, database: 3, unexpected: 1 } as const;

/** The sentence for a failure at start, with its exit code; null for an unforeseen error. */
export function startupFailure(error: unknown, databaseFile: string): { sentence: string; exitCode: number } | null {
  if (error instanceof ConfigError) return { sentence: error.message, exitCode: EXIT.config };
  if (error instanceof UnknownMigrationError) return { sentence: error.message, exitCode: EXIT.database };
  const sentence = {
    full: `The disk holding the database ${databaseFile} is full: free some space, then start the bot again.`,
    "read-only": `The database ${databaseFile} cannot be written (a read-only file, directory or disk): give the bot's user write access to the file and its directory, then start again.`,
    "cannot-open": `The database ${databaseFile} cannot be opened or created: check that DATABASE_URL names a file in a directory the bot's user can write.`,
    "not-a-database": `The file ${databaseFile} is not a usable SQLite database (damaged, or another kind of file): restore it from a backup.`,
    none: null,
  }[storageProblemOf(error) ?? "none"];
  return sentence ? { sentence, exitCode: EXIT.database } : null;
}

type Io = { error: (line: unknown) => void; exit: (code: number) => never };

/** The entry points' last word: one sentence and its exit code, or the unforeseen error as it is. */
export function exitOnStartupFailure(error: unknown, env: Record<string, string | undefined> = process.env, io: Io = console_): never {
  const failure = startupFailure(error, databaseFileOf(env));
  if (!failure) {
    io.error(error);
    return io.exit(EXIT.unexpected);
  }
  io.error(failure.sentence);
  return io.exit(failure.exitCode);
}

const console_: Io = { error: (line) => console.error(line), exit: (code) => process.exit(code) };

function databaseFileOf(env: Record<string, string | undefined>): string {
  const url = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  return url.startsWith("file:") ? sqliteFilePath(url) : url;
}
