// Generates a large network inside SQLite: a handful of statements, each an INSERT … SELECT
// over a recursive counter, so 100,000 initiatives take seconds instead of a million round trips.
import { eq } from 'drizzle-orm';
import { database } from '../../worker/src/data/database.js';
import { SIMILAR_KEPT, similarIdsOf } from '../../worker/src/data/initiatives.js';
import { fixedId } from '../../worker/src/db/ids.js';
import { initiatives } from '../../worker/src/db/schema.js';
import { writeIdempotent, writeOnce } from './d1-retry.js';
import { sqlNumberedId, sqlRandomId } from './sql-ids.js';

/** The size and shape of one generated network. */
export interface ScaleSpec {
  /** Network key, also the key of its one site. */
  key: string;
  initiatives: number;
  users: number;
  neighbourhoods: number;
  /** Comments, spread over one discussion thread per initiative (only when the schema has them). */
  comments: number;
}

/** What the bench needs to address a generated network. */
export interface ScaleNetwork {
  spec: ScaleSpec;
  siteKey: string;
  /** An initiative from the middle of the network's history, for the detail endpoint. */
  sampleInitiativeId: string;
}

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;
/** Generated history ends here and goes back five years. */
export const HISTORY_END = Date.UTC(2026, 10, 1);
export const HISTORY_START = HISTORY_END - 5 * YEAR_MS;

const TOPICS = ['Geveltuinen', 'Buurtmoestuin', 'Speeltuin opknappen', 'Repair café', 'Buurtbarbecue', 'Zwerfvuil prikken', 'Deelbakfiets', 'Boekenkastje'];
const THEMES = ['["green"]', '["green","meeting"]', '["play","safety"]', '["sustainability"]', '["culture","meeting"]', '["care"]', '["sport","play"]'];
const NEEDS = ['["volunteers"]', '["funding","permit"]', '["space"]', '[]', '["expertise","materials"]', '["volunteers","funding"]'];
/** Status shares in twentieths: more young and finished initiatives than paused ones. */
const STATUS_BY_TWENTIETH = [
  ...Array(4).fill('idea'),
  ...Array(3).fill('gathering'),
  ...Array(3).fill('planning'),
  ...Array(4).fill('active'),
  ...Array(3).fill('completed'),
  'paused',
  'archived',
  'archived',
];

function sqlPick(values: readonly string[], indexExpression: string): string {
  const cases = values.map((value, i) => `WHEN ${i} THEN '${value.replaceAll("'", "''")}'`).join(' ');
  return `(CASE (${indexExpression}) % ${values.length} ${cases} END)`;
}

/** A CTE `seq(n)` counting `count` numbers from `from`. */
export function counter(count: number, from = 0): string {
  return `WITH RECURSIVE seq(n) AS (SELECT ${from} UNION ALL SELECT n + 1 FROM seq WHERE n + 1 < ${from + count})`;
}

function neighbourhoodId(spec: ScaleSpec, i: number): string {
  return fixedId(`bench/${spec.key}/neighbourhood/${i}`, HISTORY_START);
}

/** The network, its neighbourhoods and one site that shows all of them. */
function frameStatements(db: D1Database, spec: ScaleSpec): D1PreparedStatement[] {
  const statements = [
    db.prepare('INSERT INTO networks (id, name) VALUES (?1, ?2)').bind(spec.key, `Bench ${spec.key}`),
    db.prepare('INSERT INTO sites (key, network_id, name) VALUES (?1, ?1, ?2)').bind(spec.key, `Bench ${spec.key}`),
  ];
  for (let i = 0; i < spec.neighbourhoods; i++) {
    statements.push(
      db
        .prepare('INSERT INTO neighbourhoods (id, network_id, name, cbs_code) VALUES (?1, ?2, ?3, ?4)')
        .bind(neighbourhoodId(spec, i), spec.key, `Buurt ${i + 1}`, `BU9${String(spec.initiatives).padStart(5, '0').slice(-5)}${String(i).padStart(2, '0')}`),
      db
        .prepare('INSERT INTO site_neighbourhoods (site_key, neighbourhood_id, network_id, position) VALUES (?1, ?2, ?1, ?3)')
        .bind(spec.key, neighbourhoodId(spec, i), i),
    );
  }
  return statements;
}

/** A CASE expression mapping `n % neighbourhoods` to a neighbourhood id. */
function sqlNeighbourhood(spec: ScaleSpec, indexExpression: string): string {
  const ids = Array.from({ length: spec.neighbourhoods }, (_, i) => neighbourhoodId(spec, i));
  return sqlPick(ids, indexExpression);
}

/** A number that keeps one network's numbered user ids apart from another's. */
export function userNamespace(spec: ScaleSpec): number {
  return [...spec.key].reduce((hash, ch) => (hash * 31 + ch.charCodeAt(0)) % 10_000, 7);
}

function usersStatement(db: D1Database, spec: ScaleSpec): D1PreparedStatement {
  const step = Math.floor((HISTORY_END - HISTORY_START) / spec.users);
  const createdAt = `${HISTORY_START} + n * ${step}`;
  return db.prepare(`${counter(spec.users)}
    INSERT INTO users (id, network_id, display_name, home_neighbourhood_id, created_at)
    SELECT ${sqlNumberedId(createdAt, userNamespace(spec), 'n')}, ?1, 'Bewoner ' || n, ${sqlNeighbourhood(spec, 'n * 7')}, ${createdAt} FROM seq`).bind(spec.key);
}

/** Initiatives per statement: with their search-index and counter triggers and indexes, 100k in one statement outlast D1's 30 s limit on a busy machine. */
const INITIATIVE_CHUNK = 20_000;

function initiativesStatement(db: D1Database, spec: ScaleSpec, offset: number): D1PreparedStatement {
  const step = Math.floor((HISTORY_END - HISTORY_START) / spec.initiatives);
  const userStep = Math.floor((HISTORY_END - HISTORY_START) / spec.users);
  const createdAt = `${HISTORY_START} + n * ${step}`;
  // An owner who joined before the initiative started.
  const owner = `(n * ${spec.users}) / ${spec.initiatives}`;
  const topic = sqlPick(TOPICS, 'n');
  // Shifted so the neighbourhood does not follow from n modulo something the status also uses.
  const neighbourhood = `((n * 2654435761) >> 7) % ${spec.neighbourhoods}`;
  const summary = `'Bewoners van Buurt ' || (${neighbourhood} + 1) || ' willen samen ' || lower(${topic}) || ' organiseren; wie doet er mee? Er is hulp nodig van buren en van de gemeente.'`;
  const body = `substr(replace(hex(zeroblob(12)), '00', 'We beginnen klein en bouwen het samen uit. Iedereen uit de buurt is welkom om mee te denken, mee te doen of spullen te lenen. '), 1, 900)`;
  return db.prepare(`${counter(Math.min(INITIATIVE_CHUNK, spec.initiatives - offset), offset)}
    INSERT INTO initiatives (id, network_id, neighbourhood_id, owner_id, title, summary, body, status, themes, needs,
                             supporter_count, member_count, created_at, updated_at)
    SELECT ${sqlRandomId(createdAt)}, ?1, ${sqlNeighbourhood(spec, neighbourhood)},
           ${sqlNumberedId(`${HISTORY_START} + ${owner} * ${userStep}`, userNamespace(spec), owner)},
           ${topic} || ' ' || (n + 1), ${summary}, ${body},
           ${sqlPick(STATUS_BY_TWENTIETH, '(n * 7) % 20')}, ${sqlPick(THEMES, 'n * 3')}, ${sqlPick(NEEDS, 'n * 5')},
           (n * 37) % 60, 1 + (n * 13) % 12, ${createdAt}, ${createdAt} + (n % 30) * 86400000
    FROM seq`).bind(spec.key);
}

/**
 * Similar ids for one chunk of generated initiatives, as writing them keeps them: searching the
 * text index for each of 100k initiatives would take hours, so each gets the newest earlier
 * initiatives of its own neighbourhood (what a page reads costs the same: stored ids, one key
 * lookup each). The sample initiative gets the real search (`refreshSimilar`).
 */
function similarStatement(db: D1Database, spec: ScaleSpec, fromRowid: number, toRowid: number): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE initiatives SET similar_ids = (
         SELECT json_group_array(id) FROM (
           SELECT s.id FROM initiatives s
           WHERE s.network_id = initiatives.network_id AND s.neighbourhood_id = initiatives.neighbourhood_id AND s.id < initiatives.id
           ORDER BY s.id DESC LIMIT ${SIMILAR_KEPT}))
       WHERE network_id = ?1 AND rowid BETWEEN ?2 AND ?3`,
    )
    .bind(spec.key, fromRowid, toRowid);
}

/** Computes the sample initiative's similar ids with the statement the worker runs when an initiative is written. */
async function refreshSimilar(d1: D1Database, id: string): Promise<void> {
  const db = database(d1);
  const [row] = await db.select().from(initiatives).where(eq(initiatives.id, id));
  if (!row) throw new Error(`no initiative ${id}`);
  await db.update(initiatives).set({ similarIds: similarIdsOf(db, row.networkId, row) }).where(eq(initiatives.id, id));
}

/** Writes one generated network (without its discussion) into D1 and returns how to reach it. */
export async function generateNetwork(db: D1Database, spec: ScaleSpec): Promise<ScaleNetwork> {
  await db.batch(frameStatements(db, spec));
  await writeOnce(db, 'users', spec.key, 0, () => usersStatement(db, spec).run());
  for (let offset = 0; offset < spec.initiatives; offset += INITIATIVE_CHUNK) {
    await writeOnce(db, 'initiatives', spec.key, offset, () => initiativesStatement(db, spec, offset).run());
  }
  const rowids = await db.prepare('SELECT min(rowid) AS first, max(rowid) AS last FROM initiatives WHERE network_id = ?1').bind(spec.key).first<{ first: number; last: number }>();
  for (let from = rowids!.first; from <= rowids!.last; from += INITIATIVE_CHUNK) {
    await writeIdempotent(() => similarStatement(db, spec, from, from + INITIATIVE_CHUNK - 1).run());
  }
  const middle = await db
    .prepare('SELECT id FROM initiatives WHERE network_id = ?1 ORDER BY id LIMIT 1 OFFSET ?2')
    .bind(spec.key, Math.floor(spec.initiatives / 2))
    .first<{ id: string }>();
  if (!middle) throw new Error(`no initiatives generated for ${spec.key}`);
  await refreshSimilar(db, middle.id);
  return { spec, siteKey: spec.key, sampleInitiativeId: middle.id };
}

/** Whether the schema has a comments table yet; the generator fills it only then. */
export async function hasCommentsTable(db: D1Database): Promise<boolean> {
  const row = await db.prepare("SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'comments'").first();
  return row !== null;
}
