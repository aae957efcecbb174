// Byte counts the way a browser receives them: minified, gzip and brotli at their highest levels.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Sizes in bytes. */
export interface Sizes {
  minified: number;
  gzip: number;
  brotli: number;
}

/** The sizes of one file's text. */
export function sizesOf(code: string): Sizes {
  const bytes = Buffer.from(code);
  return {
    minified: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** The sizes of several files sent separately (each compressed on its own, as HTTP does). */
export function totalSizes(codes: readonly string[]): Sizes {
  return codes.map(sizesOf).reduce((a, b) => ({ minified: a.minified + b.minified, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), {
    minified: 0,
    gzip: 0,
    brotli: 0,
  });
}
