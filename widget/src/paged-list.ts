import type { ReactiveControllerHost } from 'lit';
import { problemCode } from './problem-code.js';

/** One page of a cursor-paginated list, as the API answers it. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** Asks the API for the page after `cursor`, or the first page without one. */
export type PageFetcher<T> = (cursor?: string) => Promise<Page<T>>;

/**
 * The items of a paged list an element shows, and its state: loading the first page, shown, or
 * failed (with the problem's slug); then "Meer tonen" for each next page. A new `load` drops
 * the answers to earlier ones, so a change of attributes never shows an old list.
 */
export class PagedList<T> {
  phase: 'loading' | 'ready' | 'error' = 'loading';
  items: T[] = [];
  nextCursor: string | null = null;
  loadingMore = false;
  /** The problem slug of the last failed request (`BuurtError.code`). */
  errorCode = '';
  private fetchPage?: PageFetcher<T>;
  private generation = 0;

  /** `host` renders again whenever the list changes. */
  constructor(private readonly host: ReactiveControllerHost) {}

  /** Loads the first page with `fetchPage` (also used for the next pages); resolves to whether it worked. */
  async load(fetchPage: PageFetcher<T>): Promise<boolean> {
    const generation = ++this.generation;
    this.fetchPage = fetchPage;
    this.phase = 'loading';
    this.items = [];
    this.nextCursor = null;
    this.loadingMore = false;
    this.host.requestUpdate();
    try {
      const page = await fetchPage();
      if (generation !== this.generation) return false;
      this.items = page.data;
      this.nextCursor = page.nextCursor;
      this.phase = 'ready';
      return true;
    } catch (error) {
      if (generation !== this.generation) return false;
      this.errorCode = problemCode(error);
      this.phase = 'error';
      return false;
    } finally {
      if (generation === this.generation) this.host.requestUpdate();
    }
  }

  /** Adds the next page; resolves to how many items came, or null when it failed or was superseded. */
  async more(): Promise<number | null> {
    const { fetchPage, nextCursor, generation } = this;
    if (!fetchPage || !nextCursor || this.loadingMore) return null;
    this.loadingMore = true;
    this.host.requestUpdate();
    try {
      const page = await fetchPage(nextCursor);
      if (generation !== this.generation) return null;
      this.items = [...this.items, ...page.data];
      this.nextCursor = page.nextCursor;
      return page.data.length;
    } catch (error) {
      if (generation === this.generation) this.errorCode = problemCode(error);
      return null;
    } finally {
      if (generation === this.generation) {
        this.loadingMore = false;
        this.host.requestUpdate();
      }
    }
  }

  /** Puts `item` in place of the shown item that `same` picks, e.g. after it changed. */
  replace(item: T, same: (shown: T) => boolean): void {
    this.items = this.items.map((shown) => (same(shown) ? item : shown));
    this.host.requestUpdate();
  }
}
