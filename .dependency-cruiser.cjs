// The layer rules of DESIGN.md ("the arrows go one way"), checked in CI by `npm run check:layers`.
// Parts: domain/ (pure rules), store/ (the only code that touches the database), bot/kit/ (what dialogs and
// features share), conversations/ (the dialogs), and the rest of bot/ (features, app, update loop, scheduler).
const TESTS = "\\.test\\.ts$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "domain-is-pure",
      comment: "domain/ imports only itself and zod: no other part of the project, no I/O, no framework.",
      severity: "error",
      from: { path: "^domain/", pathNot: TESTS },
      to: { pathNot: ["^domain/", "^node_modules/zod/"] },
    },
    {
      name: "store-is-below-the-bot",
      comment: "store/ never imports the bot, its kit or the dialogs.",
      severity: "error",
      from: { path: "^store/", pathNot: TESTS },
      to: { path: ["^bot/", "^conversations/"] },
    },
    {
      name: "kit-is-below-dialogs-and-features",
      comment: "bot/kit/ is what dialogs and features share: it imports neither of them, nor the rest of the bot.",
      severity: "error",
      from: { path: "^bot/kit/", pathNot: TESTS },
      to: { path: ["^conversations/", "^bot/(?!kit/)"] },
    },
    {
      name: "dialogs-use-only-the-kit",
      comment: "conversations/ never import the bot's features, app, update loop or scheduler: only bot/kit/.",
      severity: "error",
      from: { path: "^conversations/", pathNot: TESTS },
      to: { path: "^bot/(?!kit/)" },
    },
    {
      name: "no-circular",
      comment: "No cycles between modules (and so none between the parts).",
      severity: "error",
      from: { pathNot: TESTS },
      to: { circular: true },
    },
    {
      name: "no-prisma-outside-store",
      comment: "Only store/ (and prisma/ tooling) uses the Prisma client.",
      severity: "error",
      from: { path: "^(bot|conversations|domain)/", pathNot: TESTS },
      to: { path: ["^generated/", "^node_modules/@prisma/", "^node_modules/\\.prisma/"] },
    },
  ],
  options: {
    doNotFollow: { path: ["node_modules", "^generated/"] },
    exclude: { path: ["^coverage/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
