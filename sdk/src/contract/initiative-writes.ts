import { z } from 'zod';
import { CbsCode, Id } from './common.js';
import { InitiativeNeed, InitiativeStatus, InitiativeTheme } from './initiative.js';

/** An initiative's title: plain text, trimmed. */
export const InitiativeTitle = z.string().trim().min(3).max(120);
/** The one-line pitch shown on cards. */
export const InitiativeSummaryText = z.string().trim().min(1).max(300);
/** The full story, plain text. */
export const InitiativeBody = z.string().trim().max(10_000);

const themes = z.array(InitiativeTheme).max(InitiativeTheme.options.length).refine((t) => new Set(t).size === t.length, 'elk thema één keer');
const needs = z.array(InitiativeNeed).max(InitiativeNeed.options.length).refine((n) => new Set(n).size === n.length, 'elke behoefte één keer');

/** Body of `POST /v1/sites/:site/initiatives`: a new initiative starts as an `idea` owned by its starter. */
export const CreateInitiativeRequest = z
  .strictObject({
    /** A neighbourhood the site shows, by id or CBS code. */
    neighbourhood: z.union([Id, CbsCode]),
    title: InitiativeTitle,
    summary: InitiativeSummaryText,
    body: InitiativeBody.default(''),
    themes: themes.default([]),
    needs: needs.default([]),
  })
  .meta({ id: 'CreateInitiativeRequest' });
export type CreateInitiativeRequest = z.input<typeof CreateInitiativeRequest>;

/**
 * Body of `PATCH /v1/sites/:site/initiatives/:id` (organisers): any of the texts, themes and
 * needs, and/or a new `status` with an optional `note` for the public history.
 *
 * Status transitions: forward along `idea → gathering → planning → active` (steps may be
 * skipped), `completed` only from `active`; `paused` from any open status (idea … active) and
 * back from `paused` to any open status; `archived` from every status. `completed` can only be
 * archived and `archived` is final: a finished plan is not reopened, a new initiative is started.
 */
export const UpdateInitiativeRequest = z
  .strictObject({
    title: InitiativeTitle.optional(),
    summary: InitiativeSummaryText.optional(),
    body: InitiativeBody.optional(),
    themes: themes.optional(),
    needs: needs.optional(),
    status: InitiativeStatus.optional(),
    /** Why the status changes; shown in the status history. */
    note: z.string().trim().min(1).max(500).optional(),
  })
  .refine((r) => Object.values(r).some((v) => v !== undefined), 'geef minstens één veld om te wijzigen')
  .refine((r) => r.note === undefined || r.status !== undefined, { message: 'een toelichting hoort bij een statuswijziging', path: ['note'] })
  .meta({ id: 'UpdateInitiativeRequest' });
export type UpdateInitiativeRequest = z.input<typeof UpdateInitiativeRequest>;

/** The answer to supporting or withdrawing support: the count after the request and whether you support. */
export const SupportState = z
  .object({ supporterCount: z.number().int().nonnegative(), supported: z.boolean() })
  .meta({ id: 'SupportState' });
export type SupportState = z.infer<typeof SupportState>;
