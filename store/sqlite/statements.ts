// Statements prepared once per connection. Rows leave only through a decoder (./columns.ts): what SQLite returns
// is checked at this boundary (a renamed column or a changed type fails here, by name, not later as a wrong value).
import type Database from "better-sqlite3";
import type { Decoder } from "./columns";
import type { PrismaClient } from "../../generated/prisma/client";
import { connectionOf } from "./connection";

type Param = string | number | bigint | null;

export type Statement = { run(...params: Param[]): { changes: number } };
export type Query<Row> = Statement & { get(...params: Param[]): Row | undefined; all(...params: Param[]): Row[] };

type Prepared = { statement: Database.Statement; schema?: Decoder<unknown>; query?: Query<unknown> };
const cache = new WeakMap<Database.Database, Map<string, Prepared>>();

function prepare(db: PrismaClient, sql: string, raw: boolean): Prepared {
  const connection = connectionOf(db);
  let statements = cache.get(connection);
  if (!statements) cache.set(connection, (statements = new Map()));
  const key = raw ? `raw:${sql}` : sql;
  let prepared = statements.get(key);
  if (!prepared) {
    prepared = { statement: connection.prepare(sql) };
    if (raw) prepared.statement.raw(true);
    statements.set(key, prepared);
  }
  return prepared;
}

/** A statement that returns no rows (INSERT, UPDATE, DELETE without RETURNING). */
export function statement(db: PrismaClient, sql: string): Statement {
  return prepare(db, sql, false).statement;
}

/** A statement returning rows as objects, each checked by `row`. */
export function query<Row>(db: PrismaClient, sql: string, row: Decoder<Row>): Query<Row> {
  return checked(prepare(db, sql, false), sql, row);
}

/** A statement returning rows as arrays (no object per row: at thousands of rows that costs more than the read). */
export function tupleQuery<Row extends unknown[]>(db: PrismaClient, sql: string, row: Decoder<Row>): Query<Row> {
  return checked(prepare(db, sql, true), sql, row);
}

function checked<Row>(prepared: Prepared, sql: string, schema: Decoder<Row>): Query<Row> {
  if (prepared.query && prepared.schema === schema) return prepared.query as Query<Row>;
  const { statement } = prepared;
  const decode = (value: unknown): Row => {
    try {
      return schema(value);
    } catch (error) {
      throw new Error(`unexpected row from SQLite for ${sql.replace(/\s+/g, " ").slice(0, 80)}…: ${(error as Error).message}`);
    }
  };
  const query: Query<Row> = {
    run: (...params) => statement.run(...params),
    get: (...params) => {
      const value = statement.get(...params);
      return value === undefined ? undefined : decode(value);
    },
    all: (...params) => statement.all(...params).map(decode),
  };
  Object.assign(prepared, { schema, query });
  return query;
}
