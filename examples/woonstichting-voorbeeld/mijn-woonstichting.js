// "Mijn Woonstichting": the corporation's own login, and the hand-over to Buurtplein. After the
// tenant signs in on the corporation's site, its server signs a Buurtplein SSO token and this
// page passes it to `window.Buurtplein.login()`; signing out here signs out of Buurtplein too.
// Served as a static page (no corporation server behind it), the header link stays as it is.

const link = document.querySelector('a.login');
const label = link?.querySelector('.login__label');
/** Which host login was handed to Buurtplein in this tab, so a reload does not sign in again. */
const HANDED_OVER = 'woonstichting:buurtplein-login';

/** The tenant signed in on the corporation's site, null when nobody is; undefined without a server. */
async function hostSession() {
  try {
    const response = await fetch('/api/sessie', { headers: { Accept: 'application/json' } });
    if (!response.ok || !response.headers.get('Content-Type')?.includes('application/json')) return undefined;
    return await response.json();
  } catch {
    return undefined;
  }
}

/** `window.Buurtplein` once the (async) script tag has run. */
function buurtplein() {
  // The copy-paste stub (buurtplein-plugins.js) is a function without a version: wait for the script.
  if (window.Buurtplein?.version) return Promise.resolve(window.Buurtplein);
  const script = document.querySelector('script[src$="/buurtplein.js"]');
  if (!script) return Promise.reject(new Error('Het Buurtplein-script staat niet op de pagina.'));
  return new Promise((resolve, reject) => {
    script.addEventListener('load', () => resolve(window.Buurtplein));
    script.addEventListener('error', () => reject(new Error('Het Buurtplein-script laadde niet.')));
  });
}

async function handOver(session) {
  const marker = `${session.huurder.id}@${session.sinds}`;
  if (sessionStorage.getItem(HANDED_OVER) === marker) return;
  const response = await fetch('/api/buurtplein-token', { method: 'POST' });
  if (!response.ok) throw new Error(`Geen Buurtplein-token: HTTP ${response.status}`);
  const { token } = await response.json();
  await (await buurtplein()).login(token);
  sessionStorage.setItem(HANDED_OVER, marker);
}

async function signOut(event) {
  event.preventDefault();
  await fetch('/uitloggen', { method: 'POST' });
  sessionStorage.removeItem(HANDED_OVER);
  await (await buurtplein()).logout();
  link.removeEventListener('click', signOut);
  showSignedOut();
}

function showSignedOut() {
  link.href = '/inloggen';
  label.textContent = 'Mijn Woonstichting';
}

async function start() {
  if (!link || !label) return;
  const session = await hostSession();
  if (session === undefined) return;
  if (!session.huurder) {
    showSignedOut();
    // The host session ended (expired, or signed out in another tab): so does Buurtplein's.
    if (sessionStorage.getItem(HANDED_OVER)) {
      sessionStorage.removeItem(HANDED_OVER);
      await (await buurtplein()).logout();
    }
    return;
  }
  link.href = '/uitloggen';
  label.textContent = `Uitloggen (${session.huurder.naam})`;
  link.addEventListener('click', signOut);
  await handOver(session);
}

start().catch((error) => console.error('[woonstichting]', error));
