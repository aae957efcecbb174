/**
 * Ends the current task and resumes in a new one, so the browser can paint and handle input in
 * between: work split at these points never makes one long task (over 50 ms) on a slow phone.
 * Uses `scheduler.yield()` where the browser has it (the continuation keeps its priority), else a timeout.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve));
}
