import { chunksOf } from "./chunks";
import type { Db } from "./client";
import { sqlInstant, statement } from "./sqlite";
import { newId } from "./ids";

type Tx = Pick<Db, "auditEvent">;

/** Six values an event (its id is made by Prisma): 150 of them stay well below 999 bound values (./chunks.ts). */
const EVENTS_PER_INSERT = 150;

export type AuditInput = {
  actorId?: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  /** Ids, counts, levels, states. Never review text (personal data). */
  data?: Record<string, string | number | boolean | null | string[]>;
};

/** The row of an event. */
function auditRow(event: AuditInput, at: Date) {
  return {
    at,
    actorId: event.actorId ?? null,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId ?? null,
    data: JSON.stringify(event.data ?? {}),
  };
}

export async function recordAudit(tx: Tx, event: AuditInput, at: Date): Promise<void> {
  await tx.auditEvent.create({ data: auditRow(event, at) });
}

/** Many events at once (e.g. one per member of a branch), inserted a slice at a time below SQLite's bound values. */
export async function recordAudits(tx: Tx, events: readonly AuditInput[], at: Date): Promise<void> {
  for (const slice of chunksOf(events, EVENTS_PER_INSERT)) {
    await tx.auditEvent.createMany({ data: slice.map((event) => auditRow(event, at)) });
  }
}

/**
 * recordAudit as a synchronous statement, for events written in the same transaction as a hot-path write
 * (store/sqlite/, `durably`), where Prisma's awaits cannot run.
 */
export function auditWriter(db: Db): (event: AuditInput, at: Date) => void {
  const insert = statement(
    db,
    'INSERT INTO "AuditEvent" ("id", "at", "actorId", "action", "entity", "entityId", "data") VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return (event, at) => {
    insert.run(
      newId(),
      sqlInstant(at),
      event.actorId ?? null,
      event.action,
      event.entity,
      event.entityId ?? null,
      JSON.stringify(event.data ?? {}),
    );
  };
}

export async function listAudit(db: Db, entity: string, entityId: string) {
  const rows = await db.auditEvent.findMany({ where: { entity, entityId }, orderBy: { at: "asc" } });
  return rows.map((row) => ({ ...row, at: row.at.toISOString(), data: JSON.parse(row.data) as Record<string, unknown> }));
}
