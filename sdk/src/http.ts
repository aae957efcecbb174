import { BuurtError, errorFromResponse } from './buurt-error.js';

/** How the client reaches the API. */
export interface Transport {
  /** Sends a GET to a path below `/v1/sites/:site` and returns the parsed JSON body. */
  get<T>(path: string, query?: object): Promise<T>;
}

/** Options shared by every client. */
export interface TransportOptions {
  site: string;
  baseUrl: string;
  fetch?: typeof fetch;
}

function queryString(query: object | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Builds the transport that every resource of the client uses. */
export function createTransport(options: TransportOptions): Transport {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const root = `${options.baseUrl.replace(/\/+$/, '')}/v1/sites/${encodeURIComponent(options.site)}`;
  return {
    async get<T>(path: string, query?: object): Promise<T> {
      let response: Response;
      try {
        response = await doFetch(root + path + queryString(query), { headers: { Accept: 'application/json' } });
      } catch (cause) {
        throw new BuurtError({ code: 'network-error', status: 0, message: 'De verbinding met Buurtplein is mislukt.', cause });
      }
      if (!response.ok) throw await errorFromResponse(response);
      return (await response.json()) as T;
    },
  };
}
