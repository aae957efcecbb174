/**
 * What a resident is writing, kept in `localStorage` per site (`buurtplein:<site>:draft:<name>`)
 * until it is posted, so a reload, a closed tab or a failed post loses nothing. With the text it
 * keeps the Idempotency-Key of the post: a retry of the same text reuses it, so the API applies
 * the post exactly once even when an earlier attempt did arrive; changed text gets a new key.
 */
export class Draft<T> {
  private readonly key: string;
  /** The last post's key and text, also kept here for a browser that refuses storage. */
  private lastPost?: { postKey: string; postedValue: string };

  constructor(site: string, name: string) {
    this.key = `buurtplein:${site}:draft:${name}`;
  }

  /** The kept text, or null. */
  load(): T | null {
    return this.read()?.value ?? null;
  }

  /** Keeps `value`; an empty draft is removed. */
  save(value: T, isEmpty = false): void {
    if (isEmpty) return this.clear();
    const stored = this.read();
    this.write({ value, postKey: stored?.postKey, postedValue: stored?.postedValue });
  }

  /** The Idempotency-Key to post `value` with: the one of an earlier attempt with the same text, else a new one (kept). */
  postKey(value: T): string {
    const text = JSON.stringify(value);
    const earlier = this.read() ?? this.lastPost;
    if (earlier?.postKey && earlier.postedValue === text) return earlier.postKey;
    this.lastPost = { postKey: crypto.randomUUID(), postedValue: text };
    this.write({ value, ...this.lastPost });
    return this.lastPost.postKey;
  }

  /** Forgets the draft, after it was posted. */
  clear(): void {
    this.lastPost = undefined;
    try {
      localStorage.removeItem(this.key);
    } catch {
      // No storage: nothing was kept.
    }
  }

  private read(): { value: T; postKey?: string | undefined; postedValue?: string | undefined } | null {
    try {
      const raw = localStorage.getItem(this.key);
      return raw ? (JSON.parse(raw) as { value: T; postKey?: string; postedValue?: string }) : null;
    } catch {
      return null;
    }
  }

  private write(entry: { value: T; postKey?: string | undefined; postedValue?: string | undefined }): void {
    try {
      localStorage.setItem(this.key, JSON.stringify(entry));
    } catch {
      // Storage full or refused: the text stays on screen, only a reload would lose it.
    }
  }
}
