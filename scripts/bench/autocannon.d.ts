// The part of autocannon's API the bench uses (the package ships no types).
declare module 'autocannon' {
  interface Client {
    on(event: 'response', listener: (statusCode: number, bytes: number, responseTimeMs: number) => void): void;
  }
  interface Options {
    url: string;
    connections?: number;
    headers?: Record<string, string>;
    duration?: number;
    timeout?: number;
    setupClient?: (client: Client) => void;
  }
  interface Result {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    requests: { total: number };
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
