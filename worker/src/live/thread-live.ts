import type { DomainEvent } from '@buurtplein/sdk/contract';
import { DurableObject } from 'cloudflare:workers';
import type { Env } from '../env.js';

/** Who a socket belongs to, kept with it across hibernation. */
interface Viewer {
  userId: string | null;
}

/**
 * One thread's open widgets: pushes each new comment, offer and status change to every socket.
 * Uses the hibernation API, so an idle thread costs nothing while its sockets stay open; a
 * `ping` is answered with `pong` without waking it. The worker checks origin and ticket before
 * the upgrade reaches this object.
 */
export class ThreadLive extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('ping', 'pong'));
  }

  /** Accepts an upgrade the worker already authorised. */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get('Upgrade')?.toLowerCase() !== 'websocket') return new Response('Expected a WebSocket upgrade', { status: 426 });
    const [client, server] = Object.values(new WebSocketPair()) as [WebSocket, WebSocket];
    this.ctx.acceptWebSocket(server);
    server.serializeAttachment({ userId: request.headers.get('X-Buurtplein-Viewer') || null } satisfies Viewer);
    return new Response(null, { status: 101, webSocket: client });
  }

  /** Sends an event to every open socket of the thread; answers how many it reached. */
  async broadcast(event: DomainEvent): Promise<number> {
    const text = JSON.stringify(event);
    let reached = 0;
    for (const socket of this.ctx.getWebSockets()) {
      try {
        socket.send(text);
        reached += 1;
      } catch {
        // A socket closing right now; its close handler tidies up.
      }
    }
    return reached;
  }

  /** Viewers only listen: anything but the auto-answered ping is ignored. */
  override async webSocketMessage(): Promise<void> {}

  override async webSocketClose(socket: WebSocket, code: number, reason: string): Promise<void> {
    try {
      socket.close(code, reason);
    } catch {
      // Already closed by the runtime.
    }
  }
}

/** The live object of a thread; threads are named within their network. */
export function threadLive(env: Env, networkId: string, threadId: string): DurableObjectStub<ThreadLive> | null {
  if (!env.THREAD_LIVE) return null;
  return env.THREAD_LIVE.get(env.THREAD_LIVE.idFromName(`${networkId}/${threadId}`));
}
