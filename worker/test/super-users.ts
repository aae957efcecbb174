import { api } from './api.js';
import { signIn } from './auth.js';
import { demoId } from '../src/db/seed.js';

/** Demo users of Voorbeeldstad who, once `makeSuperUsers` ran, hold every role of the network. */
export const SUPER_USERS = ['beheer', 'joost', 'anouk', 'mehmet', 'sanne', 'pieter'];

/**
 * Grants moderator and network admin to the super users and signs each of them in on `sites`.
 * Requests then take turns among them, so that a test sending hundreds of writes stays inside the
 * per-user burst limit, and a refusal is never a missing role.
 */
export async function makeSuperUsers(sites: readonly string[]): Promise<SuperUsers> {
  const admin = (await signIn('gemeente-voorbeeldstad', 'beheer')).accessToken;
  for (const key of SUPER_USERS) {
    for (const role of ['moderator', 'network-admin']) {
      const res = await api(`/v1/sites/gemeente-voorbeeldstad/admin/users/${demoId('voorbeeldstad', 'user', key)}/roles`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ role }),
      });
      await res.body?.cancel();
    }
  }
  const tokens = new Map<string, string[]>();
  for (const site of sites) tokens.set(site, await Promise.all(SUPER_USERS.map(async (key) => (await signIn(site, key)).accessToken)));
  return new SuperUsers(tokens);
}

/** Access tokens of the super users per site, handed out in turn. */
export class SuperUsers {
  private turn = 0;
  constructor(private readonly tokens: Map<string, string[]>) {}

  /**
   * Sends a request as the next super user; a 429 from a burst limit is waited out and sent
   * again, so that the test sees the route's own answer.
   */
  async call(site: string, method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Response> {
    const tokens = this.tokens.get(site);
    if (!tokens) throw new Error(`no super users signed in on ${site}`);
    for (let tries = 0; ; tries++) {
      const all: Record<string, string> = { Authorization: `Bearer ${tokens[this.turn++ % tokens.length]}`, ...headers };
      if (body !== undefined) all['Content-Type'] = 'application/json';
      const res = await api(path, { method: method.toUpperCase(), headers: all, body });
      if (res.status !== 429 || tries > 20 || res.headers.get('Content-Type')?.includes('problem') !== true) return res;
      const problem = (await res.json()) as { type: string };
      if (!problem.type.endsWith('/rate-limited')) return new Response(JSON.stringify(problem), { status: 429, headers: res.headers });
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
