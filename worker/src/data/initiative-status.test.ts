import { describe, expect, it } from 'vitest';
import { canTransition } from './initiative-status.js';

describe('canTransition', () => {
  it('moves forward through the open steps, skipping allowed, but not back', () => {
    expect(canTransition('idea', 'gathering')).toBe(true);
    expect(canTransition('idea', 'active')).toBe(true);
    expect(canTransition('planning', 'gathering')).toBe(false);
  });

  it('completes only an active initiative', () => {
    expect(canTransition('active', 'completed')).toBe(true);
    expect(canTransition('planning', 'completed')).toBe(false);
  });

  it('pauses an open initiative and resumes it at any open step', () => {
    expect(canTransition('gathering', 'paused')).toBe(true);
    expect(canTransition('paused', 'idea')).toBe(true);
    expect(canTransition('paused', 'active')).toBe(true);
    expect(canTransition('paused', 'completed')).toBe(false);
  });

  it('archives from every status and never leaves the archive; a completed one can only be archived', () => {
    for (const from of ['idea', 'gathering', 'planning', 'active', 'completed', 'paused'] as const) {
      expect(canTransition(from, 'archived')).toBe(true);
    }
    expect(canTransition('archived', 'idea')).toBe(false);
    expect(canTransition('completed', 'paused')).toBe(false);
    expect(canTransition('completed', 'active')).toBe(false);
  });

  it('refuses a change to the same status', () => {
    expect(canTransition('idea', 'idea')).toBe(false);
  });
});
