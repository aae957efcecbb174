import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { siteSession, type SiteSession } from './site-session.js';

/**
 * Gives an element its site's shared session and updates the element whenever someone signs in
 * or out. `source` says which site and API the element shows; a change is picked up on update.
 */
export class SessionController implements ReactiveController {
  private current?: SiteSession;
  private readonly onChange = () => this.host.requestUpdate();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly source: () => { site?: string | undefined; api: string },
  ) {
    host.addController(this);
  }

  /**
   * The session of the site the element shows now. Read through `source` each time: a framework
   * may set `site` after the element connected (React does), and the element's `willUpdate` runs
   * before this controller's `hostUpdate`.
   */
  get session(): SiteSession | undefined {
    if (this.host.isConnected) this.attach();
    return this.current;
  }

  hostConnected(): void {
    this.attach();
  }

  hostUpdate(): void {
    this.attach();
  }

  hostDisconnected(): void {
    this.current?.removeEventListener('change', this.onChange);
    this.current = undefined;
  }

  private attach(): void {
    const { site, api } = this.source();
    const next = site ? siteSession(site, api) : undefined;
    if (next === this.current) return;
    this.current?.removeEventListener('change', this.onChange);
    this.current = next;
    next?.addEventListener('change', this.onChange);
    // A kept session is restored once per page; the element shows the user when that is done.
    void next?.restored.then(this.onChange);
  }
}
