import { BuurtError, errorFromResponse } from './buurt-error.js';
import type { AuthSession } from './contract/index.js';
import { SessionHolder, type Session, type SessionStorageLike, type SessionTokens } from './session.js';

/** The response header carrying a read-your-writes bookmark, sent back on requests after a write. */
export const BOOKMARK_HEADER = 'Buurtplein-Bookmark';

/** Options every write accepts. */
export interface WriteOptions {
  /**
   * Makes a retried write safe: the API answers a repeated key with the first response.
   * Generated per call when left out; pass the same key when you retry the same write.
   */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

/** Options every read accepts. */
export interface ReadOptions {
  signal?: AbortSignal;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One API call below `/v1/sites/:site`. */
export interface Call {
  method: Method;
  path: string;
  query?: object;
  body?: unknown;
  /** A key for a write; null sends none (for calls that are not idempotent, like refresh). */
  idempotencyKey?: string | null;
  signal?: AbortSignal;
  /** False for sign-in calls, which must not carry (or refresh) the session. */
  authenticated?: boolean;
  /** `text` for the few answers that are not JSON (CSV). */
  accept?: 'json' | 'text';
}

/** How the client reaches the API: one authenticated, retrying `request` for every resource. */
export interface Transport {
  request<T>(call: Call): Promise<T>;
  readonly session: SessionHolder;
  /** Swaps the refresh token for a new session; concurrent calls share one refresh. */
  refreshSession(): Promise<AuthSession>;
}

/** Options shared by every client. */
export interface TransportOptions {
  /** The site key, as in the script tag's `data-site`. */
  site: string;
  /** Where the API lives, e.g. `https://api.buurtplein.nl` (without `/v1`). */
  baseUrl: string;
  /** A `fetch` to use instead of the global one (tests, proxies, service bindings). */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  /** Tokens to start signed in with, or a storage (such as `localStorage`) that keeps the refresh token. */
  session?: SessionTokens | SessionStorageLike;
  /** Called whenever the session starts, rotates or ends; null when signed out. */
  onSessionChange?: (session: Session | null) => void;
}

function queryString(query: object | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const MUTATIONS = new Set<Method>(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Builds the transport that every resource of the client uses. */
export function createTransport(options: TransportOptions): Transport {
  const doFetch = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
  const root = `${options.baseUrl.replace(/\/+$/, '')}/v1/sites/${encodeURIComponent(options.site)}`;
  const session = new SessionHolder(options.site, options.session, options.onSessionChange);
  let bookmark: string | null = null;
  let refreshing: Promise<AuthSession> | null = null;

  async function send(call: Call, idempotencyKey: string | null, accessToken: string | null): Promise<Response> {
    const headers: Record<string, string> = { Accept: call.accept === 'text' ? 'text/csv, text/*' : 'application/json' };
    // The API wants a JSON body on every write but DELETE, even when there is nothing to say.
    const payload = call.body ?? (call.method === 'GET' || call.method === 'DELETE' ? undefined : {});
    if (payload !== undefined) headers['Content-Type'] = 'application/json';
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
    if (bookmark) headers[BOOKMARK_HEADER] = bookmark;
    const init: RequestInit = { method: call.method, headers };
    if (payload !== undefined) init.body = JSON.stringify(payload);
    if (call.signal) init.signal = call.signal;
    let response: Response;
    try {
      response = await doFetch(root + call.path + queryString(call.query), init);
    } catch (cause) {
      if (call.signal?.aborted) throw cause;
      throw new BuurtError({ code: 'network-error', status: 0, message: 'De verbinding met Buurtplein is mislukt.', cause });
    }
    // Only a client that wrote needs to read its writes; until then it sends no bookmark, so its
    // reads stay cacheable at the edge and free of a CORS preflight.
    if (bookmark !== null || MUTATIONS.has(call.method)) bookmark = response.headers.get(BOOKMARK_HEADER) ?? bookmark;
    return response;
  }

  async function body<T>(response: Response, accept: Call['accept'] = 'json'): Promise<T> {
    if (!response.ok) throw await errorFromResponse(response);
    if (response.status === 204) return undefined as T;
    return (accept === 'text' ? await response.text() : await response.json()) as T;
  }

  function refreshSession(): Promise<AuthSession> {
    refreshing ??= (async () => {
      const refreshToken = session.refreshToken();
      if (!refreshToken) throw new BuurtError({ code: 'unauthorized', status: 401, message: 'Er is geen sessie om te vernieuwen.' });
      try {
        const call: Call = { method: 'POST', path: '/auth/refresh', body: { refreshToken } };
        const auth = await body<AuthSession>(await send(call, null, null));
        session.adopt(auth);
        return auth;
      } catch (error) {
        // A refused refresh token ends the session; a network failure leaves it for the next try.
        if (error instanceof BuurtError && error.status === 401) session.set(null);
        throw error;
      }
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  /** Refreshes when needed; when the API refuses, carries on signed out (the API then says what is missing). */
  async function freshAccessToken(force: boolean): Promise<string | null> {
    if (session.current && (force || session.needsRefresh())) {
      try {
        await refreshSession();
      } catch (error) {
        if (!(error instanceof BuurtError && error.status === 401)) throw error;
      }
    }
    return session.current?.accessToken ?? null;
  }

  return {
    session,
    refreshSession,
    async request<T>(call: Call): Promise<T> {
      const idempotencyKey = call.idempotencyKey === null ? null : call.idempotencyKey ?? (MUTATIONS.has(call.method) ? crypto.randomUUID() : null);
      if (call.authenticated === false) return body<T>(await send(call, idempotencyKey, null), call.accept);
      const accessToken = await freshAccessToken(false);
      const response = await send(call, idempotencyKey, accessToken);
      if (response.status !== 401 || !accessToken) return body<T>(response, call.accept);
      const error = await errorFromResponse(response);
      if (error.code !== 'token-expired') throw error;
      // Once: refresh, then retry with the same idempotency key so the write happens at most once.
      return body<T>(await send(call, idempotencyKey, await freshAccessToken(true)), call.accept);
    },
  };
}
