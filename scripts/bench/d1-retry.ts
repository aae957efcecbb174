// Long generator statements through Miniflare's Node-side D1 proxy sometimes fail with "other side
// closed": the proxy reuses a pooled socket that workerd closed while a long statement ran.

/** The number of rows `table` holds for `network` (the generators' way to see whether a write landed). */
export async function countRows(db: D1Database, table: string, network: string): Promise<number> {
  const row = await db.prepare(`SELECT count(*) AS n FROM ${table} WHERE network_id = ?1`).bind(network).first<{ n: number }>();
  return row?.n ?? 0;
}

/**
 * Runs a write; when the connection drops, runs it again only if nothing landed
 * (`table` still holds `before` rows of the network), at most three times.
 */
export async function writeOnce(db: D1Database, table: string, network: string, before: number, write: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await write();
      return;
    } catch (error) {
      if (attempt >= 3 || (await countRows(db, table, network)) !== before) throw error;
    }
  }
}

/** Runs an idempotent write (one that may land twice), again when the connection drops, at most three times. */
export async function writeIdempotent(write: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await write();
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}
