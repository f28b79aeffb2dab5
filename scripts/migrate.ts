// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL (default: the embedded SQLite file).
import "dotenv/config";
import { exitOnStartupFailure } from "../bot/startup-failure";
import { applyMigrations, DEFAULT_DATABASE_URL } from "../store/migrate";
import { keepNewFilesPrivate } from "../store/private-files";

keepNewFilesPrivate();

const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
let applied: string[] = [];
try {
  applied = applyMigrations(url);
} catch (error) {
  exitOnStartupFailure(error);
}
console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
