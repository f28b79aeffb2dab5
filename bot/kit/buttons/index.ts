// Every button family of the bot, one file per area: read them all here. A prefix declared twice throws at load.
export * from "./branch";
export * from "./committee-cap";
export * from "./orgs";
export * from "./committees";
export * from "./discipline";
export * from "./results";
export * from "./self-review";
export * from "./status";
export * from "./tally";
export * from "./rewards";
export * from "./report";
export * from "./appraisal";
export * from "./score-items";
