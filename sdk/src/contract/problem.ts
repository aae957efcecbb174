import { z } from 'zod';

/** Where problem type URIs live; each type is this base plus a kebab-case slug. */
export const PROBLEM_TYPE_BASE = 'https://buurtplein.nl/problemen/';

/**
 * Every problem the API can answer with, by stable slug. Clients switch on the slug
 * (the SDK exposes it as `BuurtError.code`); the title is the fixed human summary.
 */
export const problemTypes = {
  'invalid-request': { status: 400, title: 'De aanvraag is ongeldig.' },
  unauthorized: { status: 401, title: 'Aanmelden is nodig.' },
  forbidden: { status: 403, title: 'Dit mag u niet doen.' },
  'user-blocked': { status: 403, title: 'Uw account is geblokkeerd door een moderator.' },
  'turnstile-failed': { status: 403, title: 'De controle of u een mens bent is niet gelukt.' },
  'too-many-links': { status: 400, title: 'Deze tekst bevat te veel links.' },
  'unsafe-link': { status: 400, title: 'Alleen links met http: of https: zijn toegestaan.' },
  'duplicate-post': { status: 409, title: 'U heeft deze tekst net al geplaatst.' },
  'report-exists': { status: 409, title: 'U heeft dit al gemeld.' },
  'kid-taken': { status: 409, title: 'Deze site heeft al een sleutel met deze kid.' },
  'not-found': { status: 404, title: 'Niet gevonden.' },
  'site-not-found': { status: 404, title: 'Deze site bestaat niet.' },
  'method-not-allowed': { status: 405, title: 'Deze methode is hier niet toegestaan.' },
  'invalid-token': { status: 401, title: 'Het token is ongeldig.' },
  'token-expired': { status: 401, title: 'Het token is verlopen.' },
  'token-replayed': { status: 401, title: 'Dit token is al gebruikt.' },
  'unknown-key': { status: 401, title: 'De sleutel van dit token is onbekend.' },
  'key-retired': { status: 401, title: 'De sleutel van dit token is ingetrokken.' },
  'code-invalid': { status: 401, title: 'De code klopt niet.' },
  'code-expired': { status: 401, title: 'De code is verlopen.' },
  'code-locked': { status: 401, title: 'De code is geblokkeerd na te veel pogingen.' },
  'invalid-transition': { status: 409, title: 'Deze statuswijziging is niet mogelijk.' },
  'already-member': { status: 409, title: 'Deze persoon doet al mee of is al uitgenodigd.' },
  'event-full': { status: 409, title: 'Deze bijeenkomst is vol.' },
  'event-not-started': { status: 409, title: 'Deze bijeenkomst is nog niet begonnen.' },
  'event-ended': { status: 409, title: 'Deze bijeenkomst is al voorbij.' },
  'already-reported': { status: 409, title: 'Van deze bijeenkomst is al een verslag geschreven.' },
  'payload-too-large': { status: 413, title: 'De aanvraag is te groot.' },
  'unsupported-media-type': { status: 415, title: 'Stuur de aanvraag als JSON.' },
  'upgrade-required': { status: 426, title: 'Open dit adres als WebSocket.' },
  'idempotency-key-reused': { status: 422, title: 'Deze Idempotency-Key is al gebruikt voor een andere aanvraag.' },
  'reply-too-deep': { status: 422, title: 'Op deze reactie kan niet verder worden gereageerd.' },
  'rate-limited': { status: 429, title: 'Te veel aanvragen; probeer het straks opnieuw.' },
  'quota-exceeded': { status: 429, title: 'U heeft het maximum voor vandaag bereikt.' },
  'internal-error': { status: 500, title: 'Er ging iets mis aan onze kant.' },
} as const satisfies Record<string, { status: number; title: string }>;

/** A stable problem slug, such as `site-not-found`. */
export type ProblemCode = keyof typeof problemTypes;

/** The full `type` URI of a problem slug. */
export function problemTypeUri(code: ProblemCode): string {
  return PROBLEM_TYPE_BASE + code;
}

/** RFC 9457 problem details with exactly the members the NL GOV API Design Rules allow. */
export const Problem = z
  .strictObject({
    type: z.url(),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string(),
    instance: z.string(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;
