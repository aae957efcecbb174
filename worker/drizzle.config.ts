import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: ['./src/db/schema.ts', './src/db/community.ts', './src/db/moderation.ts', './src/db/outbound.ts'],
  out: './migrations',
});
