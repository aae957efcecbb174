// A D1 binding that passes everything through and remembers each round trip the code made.

/** One statement as sent: its SQL and bound parameters. */
export interface RecordedStatement {
  sql: string;
  params: unknown[];
}

/** One round trip to D1: a single statement, or a batch of them. */
export interface RecordedCall {
  batch: boolean;
  statements: RecordedStatement[];
}

class RecordingStatement {
  constructor(
    readonly inner: D1PreparedStatement,
    readonly recorded: RecordedStatement,
    private readonly calls: RecordedCall[],
  ) {}

  bind(...params: unknown[]): RecordingStatement {
    return new RecordingStatement(this.inner.bind(...params), { sql: this.recorded.sql, params }, this.calls);
  }

  private sent(): void {
    this.calls.push({ batch: false, statements: [this.recorded] });
  }

  first(column?: string): Promise<unknown> {
    this.sent();
    return column === undefined ? this.inner.first() : this.inner.first(column);
  }

  all(): Promise<D1Result> {
    this.sent();
    return this.inner.all();
  }

  run(): Promise<D1Result> {
    this.sent();
    return this.inner.run();
  }

  raw(options?: { columnNames?: boolean }): Promise<unknown[]> {
    this.sent();
    return options?.columnNames ? this.inner.raw({ columnNames: true }) : this.inner.raw();
  }
}

class RecordingDatabase {
  constructor(
    private readonly inner: D1Database,
    private readonly calls: RecordedCall[],
  ) {}

  prepare(sql: string): RecordingStatement {
    return new RecordingStatement(this.inner.prepare(sql), { sql, params: [] }, this.calls);
  }

  batch(statements: RecordingStatement[]): Promise<D1Result[]> {
    this.calls.push({ batch: true, statements: statements.map((s) => s.recorded) });
    return this.inner.batch(statements.map((s) => s.inner));
  }
}

/**
 * Wraps `inner` so that every `prepare(…).first/all/run/raw()` and `batch([…])` is recorded in
 * `calls`. Only what drizzle's D1 driver uses is implemented.
 */
export function recordingD1(inner: D1Database): { db: D1Database; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  // The recorder implements the part of D1Database that drizzle calls; nothing else reaches it.
  return { db: new RecordingDatabase(inner, calls) as unknown as D1Database, calls };
}
