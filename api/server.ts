// Runs the API on Node: `npm run api` (PORT, HOST, CHORUS_DATA_DIR, DATABASE_URL; see README).
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/index.ts';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }).catch((err: Error) => {
  console.error(`Chorus API cannot start: ${err.message}`);
  process.exit(1);
});
const app = createApp({ database, config });
const where = database.kind === 'postgres' ? 'Postgres (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Chorus API listening on http://${config.host}:${info.port} — ${where}; team signup ${config.signupOpen ? 'open' : 'closed'}`);
});

let closing = false;
const shutdown = (signal: string) => {
  if (closing) return;
  closing = true;
  console.log(`Chorus API stopping (${signal})`);
  server.close(() => {
    void database.close().finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
