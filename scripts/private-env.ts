// First step of `npm start`: a `.env` to fill in, readable by its owner only.
import { ensurePrivateEnvFile } from "./env-file";

const done = ensurePrivateEnvFile(process.cwd());
if (done === "created") console.log("Created .env from .env.example (readable only by you): put your BOT_TOKEN in it.");
if (done === "made-private") console.log(".env was readable by other users of this machine: it is now readable only by you.");
