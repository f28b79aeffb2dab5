// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL (default: the embedded SQLite file).
import "dotenv/config";
import { applyMigrations } from "../store/migrate";
import { keepNewFilesPrivate } from "../store/private-files";

keepNewFilesPrivate();

const url = process.env.DATABASE_URL ?? "file:./data/bot.db";
const applied = applyMigrations(url);
console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
