/**
 * Links in user text. Text is stored and shown as plain text, but clients make links of what
 * looks like one, so only `http:` and `https:` may appear, and comments carry only a few.
 */

/** Most links a comment may carry. */
export const MAX_LINKS_PER_COMMENT = 3;
/** Most links a longer post (initiative, topic) may carry. */
export const MAX_LINKS_PER_POST = 10;

const WEB_LINK = /\bhttps?:\/\/[^\s<>"']+|\bwww\.[a-z0-9-]+\.[^\s<>"']+/gi;
/** A scheme other than http(s) used as a link: `javascript:`, `data:`, `vbscript:`, `file:` anywhere, or any `x://`. */
const OTHER_SCHEME = /\b(?:javascript|data|vbscript|file|blob|filesystem)\s*:|\b(?!https?:\/\/)[a-z][a-z0-9+.-]*:\/\//gi;

/** How many web links the text holds. */
export function countLinks(text: string): number {
  return text.match(WEB_LINK)?.length ?? 0;
}

/** The first link in the text with a scheme other than http or https, if any. */
export function unsafeLink(text: string): string | null {
  const match = OTHER_SCHEME.exec(text);
  OTHER_SCHEME.lastIndex = 0;
  return match ? match[0] : null;
}
