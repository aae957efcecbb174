import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { siteSession, type SiteSession } from './site-session.js';

/**
 * Gives an element its site's shared session and updates the element whenever someone signs in
 * or out. `source` says which site and API the element shows; a change is picked up on update.
 */
export class SessionController implements ReactiveController {
  session?: SiteSession;
  private readonly onChange = () => this.host.requestUpdate();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: () => { site?: string | undefined; api: string },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.attach();
  }

  hostUpdate(): void {
    this.attach();
  }

  hostDisconnected(): void {
    this.session?.removeEventListener('change', this.onChange);
    this.session = undefined;
  }

  private attach(): void {
    const { site, api } = this.source();
    const next = site ? siteSession(site, api) : undefined;
    if (next === this.session) return;
    this.session?.removeEventListener('change', this.onChange);
    this.session = next;
    next?.addEventListener('change', this.onChange);
    // A kept session is restored once per page; the element shows the user when that is done.
    void next?.restored.then(this.onChange);
  }
}
