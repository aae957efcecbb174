import { z } from 'zod';

/** A public identifier: sortable by creation time, opaque to clients. */
export const Id = z.string().regex(/^[0-9a-z]{16,32}$/, 'geen geldig id');

/** ISO 8601 timestamp in UTC. */
export const Timestamp = z.iso.datetime();

/** A CBS buurt code such as `BU05990101`. */
export const CbsCode = z.string().regex(/^BU\d{8}$/, 'geen CBS-buurtcode');

/** A list page size: 1 to 50, 20 when left out. */
export const Limit = z.coerce.number().int().min(1).max(50).default(20);

/** An opaque pagination cursor, as given in `nextCursor`. */
export const Cursor = z.string().min(1).max(200);

/** The envelope of every list: one page of items and the cursor of the next page. */
export function page<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

/** One page of a list. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
