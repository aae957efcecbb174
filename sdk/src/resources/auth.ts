import type { AuthSession, EmailCodeSent } from '../contract/index.js';
import type { Transport, WriteOptions } from '../http.js';

/** Signing in and out; a successful sign-in becomes the client's session. */
export function authResource(transport: Transport) {
  const signIn = async (path: string, body: object, options: WriteOptions): Promise<AuthSession> => {
    const session = await transport.request<AuthSession>({ method: 'POST', path, body, authenticated: false, ...options });
    transport.session.adopt(session);
    return session;
  };
  return {
    /** Sign in with a token the host's server signed (see `signSsoToken` in `@buurtplein/sdk/server`). */
    sso: (token: string, options: WriteOptions = {}) => signIn('/auth/sso', { token }, options),
    /** E-mail a one-time code to `email`. */
    startEmail: (email: string, options: WriteOptions = {}) =>
      transport.request<EmailCodeSent>({ method: 'POST', path: '/auth/email/start', body: { email }, authenticated: false, ...options }),
    /** Sign in with the e-mailed code. */
    verifyEmail: (email: string, code: string, options: WriteOptions = {}) => signIn('/auth/email/verify', { email, code }, options),
    /** Swap the refresh token for a new session now (the client also does this by itself when needed). */
    refresh: (): Promise<AuthSession> => transport.refreshSession(),
    /** End the session here and on the server. */
    logout: async (): Promise<void> => {
      const refreshToken = transport.session.current?.refreshToken;
      transport.session.set(null);
      if (!refreshToken) return;
      await transport.request<void>({ method: 'POST', path: '/auth/logout', body: { refreshToken }, authenticated: false, idempotencyKey: null });
    },
  };
}
