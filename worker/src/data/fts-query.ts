/**
 * Turns what people type into FTS5 MATCH expressions. User text never reaches MATCH as syntax:
 * it is split into words (letters and digits), each word becomes a quoted FTS5 string, and only
 * this module adds operators.
 */

/** Words looked at, at most: a search box, not a document. */
const MAX_WORDS = 12;

/** Dutch words too common to say what an initiative is about. */
const STOPWORDS = new Set(
  (
    'aan al als bij daar dan dat de den der des deze die dit door een en er het hier hij hoe ik in is je ' +
    'kan met na naar niet nog of om ook op over te tot uit van voor wat we wel wij wil wordt worden zijn zo zal ' +
    'achter alle elke onze ons samen iets meer waar wie ' +
    // Words every initiative uses: they would make everything look alike.
    'bewoners buren buurt buurtbewoners wijk nieuwe willen gaan maken'
  ).split(' '),
);

/** The words of `text`, in lower case, in order. */
function words(text: string): string[] {
  return (text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
}

/**
 * A search for `text`: every word must occur, the last one may be the start of a word (so results
 * follow the typing). Null when `text` holds no word at all.
 */
export function searchMatch(text: string): string | null {
  const terms = words(text);
  if (terms.length === 0) return null;
  return terms.map((w, i) => (i === terms.length - 1 ? `"${w}"*` : `"${w}"`)).join(' AND ');
}

/**
 * A "more like this" query: any of the telling words of `text` (no stopwords, no one- or
 * two-letter words). Null when nothing telling is left.
 */
export function similarMatch(text: string): string | null {
  const terms = [...new Set(text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])]
    .filter((w) => w.length > 2 && !STOPWORDS.has(w))
    .slice(0, 2 * MAX_WORDS);
  if (terms.length === 0) return null;
  return terms.map((w) => `"${w}"`).join(' OR ');
}
