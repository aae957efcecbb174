import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const migrations = await readD1Migrations(fileURLToPath(import.meta.resolve('./migrations')));

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: '../wrangler.toml' },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: migrations,
          ENVIRONMENT: 'test',
          // Tests see their own changes at once; edge-cache.test.ts turns the caches on for itself.
          SITE_CACHE_SECONDS: '0',
          EDGE_CACHE_SECONDS: '0',
          TOKEN_SECRET: 'test-token-secret-0123456789abcdef0123456789',
          CODE_SECRET: 'test-code-secret-0123456789abcdef0123456789',
          SSO_SECRET_GEMEENTE_VOORBEELDSTAD: 'test-sso-gemeente-voorbeeldstad-0123456789',
          SSO_SECRET_WOONSTICHTING_VOORBEELD: 'test-sso-woonstichting-voorbeeld-0123456789',
          SSO_SECRET_ANDERSDORP: 'test-sso-andersdorp-0123456789abcdef0123',
        },
      },
    }),
  ],
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['./test/apply-migrations.ts'],
  },
});
