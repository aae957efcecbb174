import { applyD1Migrations, env } from 'cloudflare:test';
import { seedDemoData } from '../src/db/seed.js';

// Each test file gets its own D1: migrate it as `wrangler d1 migrations apply` would, then seed.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await seedDemoData(env.DB);
