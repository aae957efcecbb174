/** A path from literal parts and ids, each id escaped as one segment. */
export function path(strings: TemplateStringsArray, ...ids: string[]): string {
  return strings.reduce((out, part, i) => out + part + (i < ids.length ? encodeURIComponent(ids[i] as string) : ''), '');
}
