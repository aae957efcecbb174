import type { DomainEvent, LiveTicket } from '@buurtplein/sdk/contract';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the controller needs from its element. */
export interface ThreadLiveOptions {
  /** Asks the API for a ticket to the thread's live updates. */
  ticket(threadId: string): Promise<LiveTicket>;
  /** An event the thread's live object pushed. */
  onEvent(event: DomainEvent): void;
  /** Fetch what is new the ordinary way; called while the socket is down. */
  poll(): void;
}

/** Reconnect after 1, 2, 4 … s, at most 30 s. */
const MAX_RECONNECT_MS = 30_000;
/** While the socket is down, poll this often (only when the page is visible). */
const POLL_MS = 15_000;
/** Keeps the socket from being closed as idle by proxies; the live object answers without waking. */
const PING_MS = 30_000;

/**
 * Follows one thread live while its element is in the page: a single-use ticket, then a
 * WebSocket that the thread's Durable Object pushes each new comment, offer and status change to.
 * When the socket cannot open or drops, it reconnects with backoff and polls meanwhile, so a page
 * behind a proxy without WebSockets still sees new comments, only later.
 */
export class ThreadLiveController implements ReactiveController {
  private threadId?: string;
  /** Bumped on every change of thread and on disconnect, so late callbacks of an old socket do nothing. */
  private generation = 0;
  private socket?: WebSocket;
  private failures = 0;
  private reconnectTimer?: ReturnType<typeof setTimeout>;
  private pollTimer?: ReturnType<typeof setInterval>;
  private pingTimer?: ReturnType<typeof setInterval>;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: ThreadLiveOptions,
  ) {
    host.addController(this);
  }

  /** Follows `threadId` from now on (undefined: none); the same thread again changes nothing. */
  follow(threadId: string | undefined): void {
    if (threadId === this.threadId && (this.socket || this.reconnectTimer)) return;
    this.close();
    this.threadId = threadId;
    if (threadId && typeof WebSocket === 'function') void this.open(this.generation);
  }

  hostConnected(): void {
    if (this.threadId) this.follow(this.threadId);
  }

  hostDisconnected(): void {
    this.close();
  }

  private async open(generation: number): Promise<void> {
    this.reconnectTimer = undefined;
    try {
      const { url } = await this.options.ticket(this.threadId!);
      if (generation !== this.generation) return;
      const socket = new WebSocket(url);
      this.socket = socket;
      socket.addEventListener('open', () => {
        this.failures = 0;
        this.stopPolling();
        this.pingTimer = setInterval(() => socket.readyState === WebSocket.OPEN && socket.send('ping'), PING_MS);
      });
      socket.addEventListener('message', (message) => {
        if (generation !== this.generation || typeof message.data !== 'string' || message.data === 'pong') return;
        let event: DomainEvent;
        try {
          event = JSON.parse(message.data) as DomainEvent;
        } catch {
          return;
        }
        this.options.onEvent(event);
      });
      socket.addEventListener('close', () => {
        if (generation !== this.generation) return;
        this.socket = undefined;
        clearInterval(this.pingTimer);
        this.retryLater(generation);
      });
    } catch {
      if (generation === this.generation) this.retryLater(generation);
    }
  }

  private retryLater(generation: number): void {
    this.startPolling();
    const delay = Math.min(MAX_RECONNECT_MS, 1000 * 2 ** this.failures);
    this.failures += 1;
    this.reconnectTimer = setTimeout(() => void this.open(generation), delay);
  }

  private startPolling(): void {
    this.pollTimer ??= setInterval(() => {
      if (document.visibilityState === 'visible') this.options.poll();
    }, POLL_MS);
  }

  private stopPolling(): void {
    clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  private close(): void {
    this.generation += 1;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    clearInterval(this.pingTimer);
    this.stopPolling();
    this.socket?.close();
    this.socket = undefined;
    this.failures = 0;
  }
}
