// SQL expressions that build ids in the format of worker/src/db/ids.ts inside SQLite, so
// generated rows sort by creation like real ones.

/** Crockford's base32 in lower case, as in ids.ts. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

function digit(expression: string): string {
  return `substr('${ALPHABET}', (${expression}) + 1, 1)`;
}

/** The 10-character time prefix of an id for the millisecond time `msExpression`. */
export function sqlTimePrefix(msExpression: string): string {
  const digits: string[] = [];
  for (let position = 9; position >= 0; position--) digits.push(digit(`((${msExpression}) / ${32 ** position}) % 32`));
  return digits.join(' || ');
}

/** A full id: time prefix plus 16 random characters. */
export function sqlRandomId(msExpression: string): string {
  const tail = Array.from({ length: 16 }, () => digit('abs(random()) % 32'));
  return `${sqlTimePrefix(msExpression)} || ${tail.join(' || ')}`;
}

/**
 * A full id whose tail is a namespace (0–9999) and the zero-padded number `nExpression`: the same
 * n always gives the same id, so other generated rows can point at it without a lookup.
 */
export function sqlNumberedId(msExpression: string, namespace: number, nExpression: string): string {
  return `${sqlTimePrefix(msExpression)} || printf('%04d%012d', ${namespace % 10_000}, ${nExpression})`;
}
