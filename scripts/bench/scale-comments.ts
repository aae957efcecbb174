// Discussion at scale: one thread per initiative and many comments, generated inside SQLite.
import { HISTORY_END, HISTORY_START, counter, userNamespace, type ScaleSpec } from './scale-data.js';
import { writeOnce } from './d1-retry.js';
import { sqlNumberedId, sqlRandomId } from './sql-ids.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Comments per statement: one huge statement outlasts the local D1 proxy's request. */
const CHUNK = 20_000;
/** Threads per statement, for the same reason (D1 stops a statement after 30 s; the bench machine is shared). */
const THREAD_CHUNK = 20_000;

/**
 * Gives the next `THREAD_CHUNK` initiatives of the network (by id) that have none their discussion
 * thread, as the product does; chunks in id order keep the threads' rowids contiguous.
 */
function threadsStatement(db: D1Database, spec: ScaleSpec): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO threads (id, network_id, neighbourhood_id, initiative_id, kind, title, author_id, last_activity_at, created_at)
       SELECT ${sqlRandomId('created_at')}, network_id, neighbourhood_id, id, 'initiative', title, owner_id, created_at, created_at
       FROM initiatives i WHERE network_id = ?1 AND NOT EXISTS (SELECT 1 FROM threads t WHERE t.initiative_id = i.id)
       ORDER BY id LIMIT ${THREAD_CHUNK}`,
    )
    .bind(spec.key);
}

/**
 * Spreads `spec.comments` top-level comments round-robin over the network's threads, a day apart
 * within a thread, by users of the network. Threads are addressed by their contiguous rowids.
 */
function commentsStatement(db: D1Database, spec: ScaleSpec, firstThreadRowid: number, threads: number, offset: number): D1PreparedStatement {
  const userStep = Math.floor((HISTORY_END - HISTORY_START) / spec.users);
  const author = `((n * 7919) % ${spec.users})`;
  const createdAt = `t.created_at + (n / ${threads} + 1) * ${DAY_MS}`;
  return db
    .prepare(
      `${counter(Math.min(CHUNK, spec.comments - offset), offset)}
       INSERT INTO comments (id, network_id, thread_id, author_id, body, created_at)
       SELECT ${sqlRandomId(createdAt)}, ?1, t.id, ${sqlNumberedId(`${HISTORY_START} + ${author} * ${userStep}`, userNamespace(spec), author)},
              'Goed idee! Ik help graag mee, laat maar weten wanneer. Reactie ' || (n + 1), ${createdAt}
       FROM seq JOIN threads t ON t.rowid = ${firstThreadRowid} + n % ${threads}`,
    )
    .bind(spec.key);
}

/** Writes the threads and comments of a generated network. */
export async function generateDiscussion(db: D1Database, spec: ScaleSpec): Promise<void> {
  for (let done = 0; done < spec.initiatives; done += THREAD_CHUNK) {
    await writeOnce(db, 'threads', spec.key, done, () => threadsStatement(db, spec).run());
  }
  const range = await db
    .prepare('SELECT min(rowid) AS first, count(*) AS threads FROM threads WHERE network_id = ?1')
    .bind(spec.key)
    .first<{ first: number; threads: number }>();
  if (!range || range.threads === 0) throw new Error(`no threads generated for ${spec.key}`);
  for (let offset = 0; offset < spec.comments; offset += CHUNK) {
    await writeOnce(db, 'comments', spec.key, offset, () => commentsStatement(db, spec, range.first, range.threads, offset).run());
  }
}
