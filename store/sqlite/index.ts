// The raw SQLite path of store/: the connection, statements prepared once with their rows checked, the batched
// durable commit, and the entry to Prisma's transactions it must know about. Why a connection of its own:
// store/sqlite/connection.ts. Nothing outside store/sqlite/ imports its other files.
export { openDb, connectionOf, onEveryConnection } from "./connection";
export { inTransaction, type Tx } from "./transactions";
export { statement, query, tupleQuery, type Statement, type Query } from "./statements";
export { durably, durablyWithNext } from "./group-commit";
export {
  row,
  tuple,
  oneOf,
  nullable,
  idRow,
  text,
  optionalText,
  integer,
  optionalInteger,
  flag,
  instant,
  optionalInstant,
  sqlInstant,
  type Decoder,
} from "./columns";
