import { describe, expect, it } from 'vitest';
import { searchMatch, similarMatch } from './fts-query.js';

describe('searchMatch', () => {
  it('ANDs quoted words and lets the last one be a prefix', () => {
    expect(searchMatch('Moestuin  Haven')).toBe('"moestuin" AND "haven"*');
  });

  it('drops every FTS5 operator a user might type', () => {
    expect(searchMatch('"tuin* NEAR(a b) -kat OR ^x:y')).toBe('"tuin" AND "near" AND "a" AND "b" AND "kat" AND "or" AND "x" AND "y"*');
  });

  it('keeps letters with diacritics and gives null for text without words', () => {
    expect(searchMatch('café')).toBe('"café"*');
    expect(searchMatch('"*()-')).toBeNull();
  });
});

describe('similarMatch', () => {
  it('ORs the telling words, without stopwords or duplicates', () => {
    expect(similarMatch('Buurtmoestuin achter de Havenflat: de flat')).toBe('"buurtmoestuin" OR "havenflat" OR "flat"');
  });
});
