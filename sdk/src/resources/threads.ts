import type { CreateThreadRequest, LiveTicket, Thread, ThreadListParams, ThreadPage } from '../contract/index.js';
import type { ReadOptions, Transport, WriteOptions } from '../http.js';
import { paginate } from '../pagination.js';
import { path } from '../path.js';

/** Discussions in the site's neighbourhoods: topics and initiatives' threads. */
export function threadsResource(transport: Transport) {
  const list = (params: ThreadListParams = {}, options: ReadOptions = {}) =>
    transport.request<ThreadPage>({ method: 'GET', path: '/threads', query: params, ...options });
  return {
    /** One page of threads, newest first. */
    list,
    /** Every thread matching the filters, page after page. */
    all: (params: ThreadListParams = {}) => paginate(list, params),
    /** One thread. */
    get: (threadId: string, options: ReadOptions = {}) => transport.request<Thread>({ method: 'GET', path: path`/threads/${threadId}`, ...options }),
    /** Start a topic in a neighbourhood the site shows. */
    create: (thread: CreateThreadRequest, options: WriteOptions = {}) =>
      transport.request<Thread>({ method: 'POST', path: '/threads', body: thread, ...options }),
    /** A short-lived, single-use ticket to open the thread's live updates as a WebSocket at `url`. */
    createLiveTicket: (threadId: string, options: WriteOptions = {}) =>
      transport.request<LiveTicket>({ method: 'POST', path: path`/threads/${threadId}/live-tickets`, ...options }),
  };
}
