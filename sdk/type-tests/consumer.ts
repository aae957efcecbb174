/**
 * A host developer's code, compiled by `npm run typecheck` (tsc -p sdk/type-tests) and never run.
 * It proves through the package's public exports that results are typed and that wrong
 * arguments do not compile: each `@ts-expect-error` fails the build if its line compiles.
 */
import { BuurtError, createClient, type BuurtErrorCode, type InitiativeStatus, type Session } from '@buurtplein/sdk';
import { signSsoToken, verifyWebhook, WebhookSignatureError } from '@buurtplein/sdk/server';

declare const id: string;

export async function consumer(): Promise<void> {
  const sessions: (Session | null)[] = [];
  const client = createClient({
    site: 'gemeente-voorbeeldstad',
    baseUrl: 'http://127.0.0.1:8787',
    session: localStorage,
    onSessionChange: (session) => sessions.push(session),
  });

  // Results carry the contract's types.
  const title: string = (await client.initiatives.get(id)).title;
  const status: InitiativeStatus = (await client.initiatives.get(id)).status;
  const supporters: number = (await client.initiatives.support(id)).supporterCount;
  const next: string | null = (await client.threads.list({ kind: 'topic' })).nextCursor;
  const offerStatus: 'offered' | 'accepted' | 'declined' | 'withdrawn' | 'fulfilled' = (await client.offers.accept(id)).status;
  const me: string = (await client.me.get()).displayName;
  const accessToken: string = (await client.auth.sso('token')).accessToken;
  const current: string | undefined = client.session?.refreshToken;
  const deleted: void = await client.comments.delete(id, { idempotencyKey: 'retry-1' });
  for await (const initiative of client.initiatives.all({ needs: 'any' })) {
    const needs: string[] = initiative.needs;
  }
  for await (const professional of client.professionals.all({ expertise: 'vergunningen' })) {
    const organisation: string = professional.organisation.name;
  }
  for await (const comment of client.comments.all(id, { parent: id })) {
    const body: string | null = comment.body;
  }

  // Errors carry a code to switch on.
  try {
    await client.sites.get();
  } catch (error) {
    if (error instanceof BuurtError) {
      const code: BuurtErrorCode = error.code;
      const requestId: string | null = error.requestId;
      if (error.code === 'site-not-found' || error.code === 'network-error') console.log(code, requestId, error.status);
    }
  }

  // @ts-expect-error: not a status an initiative can have
  await client.initiatives.list({ status: 'finished' });
  // @ts-expect-error: an initiative needs a title
  await client.initiatives.create({ neighbourhood: 'BU05990101', summary: 'Zonder titel' });
  // @ts-expect-error: no such resource
  await client.petitions.list();
  // @ts-expect-error: RSVP answers are going or not_going
  await client.events.rsvp(id, { status: 'maybe' });
  // @ts-expect-error: not a kind of help
  await client.offers.create(id, { kind: 'money', message: 'Geld' });
  // @ts-expect-error: the detail has no such field
  (await client.initiatives.get(id)).votes;
  // @ts-expect-error: an id is a string
  await client.initiatives.get(42);

  // Server helpers.
  const token: string = await signSsoToken({ site: 'woonstichting-voorbeeld', kid: 'dev', secret: 's', sub: 'u1', name: 'Bewoner' });
  // @ts-expect-error: a token is signed with a secret or a private key, not both
  await signSsoToken({ site: 's', kid: 'k', secret: 's', privateKey: {} as JsonWebKey, sub: 'u', name: 'n' });
  // @ts-expect-error: a token names the resident
  await signSsoToken({ site: 's', kid: 'k', secret: 's', name: 'n' });
  try {
    const event = await verifyWebhook<{ type: string }>({ payload: '{}', header: null, secret: 'whsec' });
    const type: string = event.type;
  } catch (error) {
    if (error instanceof WebhookSignatureError) {
      const code: 'missing-signature' | 'invalid-signature' | 'timestamp-out-of-tolerance' = error.code;
    }
  }
  console.log(title, status, supporters, next, offerStatus, me, accessToken, current, deleted, token);
}
