// Applies the drizzle-kit migrations to a D1 database, in file order.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../local-server.js';

const MIGRATIONS_DIR = join(ROOT, 'worker/migrations');

/** The statements of every migration file, split where drizzle-kit marks a breakpoint. */
export function migrationStatements(): string[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .flatMap((name) => readFileSync(join(MIGRATIONS_DIR, name), 'utf8').split('--> statement-breakpoint'))
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/** Runs all migrations in one batch: either the whole schema is there or none of it. */
export async function applyMigrations(db: D1Database): Promise<void> {
  await db.batch(migrationStatements().map((statement) => db.prepare(statement)));
}
