import { z } from 'zod';
import { Id, Timestamp } from './common.js';
import { Event } from './event.js';
import { InitiativeStatus, InitiativeSummary } from './initiative.js';
import { InitiativeMember, MemberRole } from './member.js';
import { HelpOffer } from './offer.js';
import { InitiativeUpdate } from './update.js';

/** One change of an initiative's status, public: who moved it, from what, to what, and why. */
export const InitiativeStatusChange = z
  .object({
    id: Id,
    /** Null for the first entry, when the initiative was started. */
    from: InitiativeStatus.nullable(),
    to: InitiativeStatus,
    changedBy: z.object({ id: Id, displayName: z.string() }),
    note: z.string().nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'InitiativeStatusChange' });
export type InitiativeStatusChange = z.infer<typeof InitiativeStatusChange>;

/** What the signed-in viewer is to an initiative. */
export const InitiativeViewer = z
  .object({
    supports: z.boolean(),
    /** The viewer's membership, `invited` while an invitation waits; null when none. */
    membership: z.object({ role: MemberRole, status: z.enum(['invited', 'active']) }).nullable(),
    /** Whether the viewer may edit the initiative and change its status (owner and co-organisers). */
    isOrganiser: z.boolean(),
  })
  .meta({ id: 'InitiativeViewer' });
export type InitiativeViewer = z.infer<typeof InitiativeViewer>;

/** An initiative with everything its own page shows. */
export const InitiativeDetail = InitiativeSummary.extend({
  body: z.string(),
  owner: z.object({ id: Id, displayName: z.string() }),
  /** The discussion thread of the initiative; null for initiatives that have none yet. */
  threadId: Id.nullable(),
  /** Active members, owner and co-organisers first (at most 12; the full list is at `…/members`). */
  members: z.array(InitiativeMember),
  /** Every status change, newest first. */
  statusHistory: z.array(InitiativeStatusChange),
  /** The latest progress updates, newest first (the full timeline is at `…/updates`). */
  updates: z.array(InitiativeUpdate),
  offers: z.array(HelpOffer),
  upcomingEvents: z.array(Event),
  /** Up to 5 similar initiatives in the network that this site shows. */
  similar: z.array(InitiativeSummary),
  /** The signed-in viewer's relation to the initiative; null when anonymous. */
  viewer: InitiativeViewer.nullable(),
}).meta({ id: 'InitiativeDetail' });
export type InitiativeDetail = z.infer<typeof InitiativeDetail>;
