import { describe, expect, it } from 'vitest';
import { countLinks, unsafeLink } from './links.js';

describe('countLinks', () => {
  it('counts http, https and www links, not times or e-mail addresses', () => {
    expect(countLinks('Om 14:00 bij https://a.example/x?y=1 en http://b.example, of www.c.nl; mail jan@d.nl')).toBe(3);
    expect(countLinks('Geen links: 10:30, dinsdag.')).toBe(0);
  });
});

describe('unsafeLink', () => {
  it('finds script and data schemes and any non-web scheme with //', () => {
    expect(unsafeLink('klik JavaScript:alert(1)')).toMatch(/^JavaScript/);
    expect(unsafeLink('data:text/html,<b>')).toMatch(/^data/);
    expect(unsafeLink('ftp://bestanden.example')).toBe('ftp://');
    expect(unsafeLink('kom om 14:30 naar https://buurt.example')).toBeNull();
    expect(unsafeLink('Let op: dit is geen link')).toBeNull();
  });
});
