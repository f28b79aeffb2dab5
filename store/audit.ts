import type { Db } from "./client";

type Tx = Pick<Db, "auditEvent">;

export type AuditInput = {
  actorId?: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  /** Ids, counts, levels, states. Never review text (personal data). */
  data?: Record<string, string | number | boolean | null | string[]>;
};

export async function recordAudit(tx: Tx, event: AuditInput, at: Date): Promise<void> {
  await tx.auditEvent.create({
    data: {
      at,
      actorId: event.actorId ?? null,
      action: event.action,
      entity: event.entity,
      entityId: event.entityId ?? null,
      data: JSON.stringify(event.data ?? {}),
    },
  });
}

export async function listAudit(db: Db, entity: string, entityId: string) {
  const rows = await db.auditEvent.findMany({ where: { entity, entityId }, orderBy: { at: "asc" } });
  return rows.map((row) => ({ ...row, at: row.at.toISOString(), data: JSON.parse(row.data) as Record<string, unknown> }));
}
