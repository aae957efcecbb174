import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { InitiativeDetail } from '@buurtplein/sdk/contract';
import type { SessionController } from '../../session/session-controller.js';

/** Runs one action of the element and says `done` in its live region, or the problem; resolves with whether it worked. */
export type Act = (action: () => Promise<unknown>, done: string) => Promise<boolean>;

/** The element a tool of the initiative's actions shows in: it holds the initiative and says results in its live region. */
export type ToolHost = ReactiveControllerHost & { readonly detail?: InitiativeDetail | undefined; announce(message: string): void };

/**
 * A tool of `<buurt-initiative-actions>` whose state belongs to one signed-in user and one
 * initiative (the follow controls, the invite picker): when either changes, it closes and `reset`
 * forgets what it held, so nobody sees another's state.
 */
export abstract class ViewerScopedTool<Host extends ToolHost = ToolHost> implements ReactiveController {
  /** The tool shows. */
  open = false;
  /** The user and initiative the state is of: an answer that arrives for another key is dropped. */
  protected key?: string;

  constructor(
    protected readonly host: Host,
    protected readonly auth: SessionController,
  ) {
    host.addController(this);
    this.hostUpdate();
  }

  hostUpdate(): void {
    const user = this.auth.session?.signedIn ? this.auth.session.user : undefined;
    const key = user && this.host.detail ? `${user.id} ${this.host.detail.id}` : undefined;
    if (key === this.key) return;
    this.key = key;
    this.open = false;
    this.reset();
  }

  /** Forgets the state of the previous user or initiative. */
  protected abstract reset(): void;
}
