// `npm run team -- create "Northwind Coffee" [--owner "Ana"]`: creates a team from the command line.
import { loadConfig } from './config.ts';
import { openDatabase } from './db/index.ts';
import { createTeam } from './teams.ts';

const usage = 'Usage: npm run team -- create "<team name>" [--owner "<owner name>"]';
const [command, name, ...rest] = process.argv.slice(2);
if (command !== 'create' || !name?.trim()) {
  console.error(usage);
  process.exit(2);
}
const ownerFlag = rest.indexOf('--owner');
const ownerName = ownerFlag >= 0 ? rest[ownerFlag + 1] : 'Owner';
if (!ownerName?.trim()) {
  console.error(usage);
  process.exit(2);
}

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }).catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
try {
  const created = await createTeam(database.db, { name: name.trim().slice(0, 80), ownerName: ownerName.trim().slice(0, 80) });
  console.log(`Team "${created.team.name}" created (${created.team.id}).`);
  console.log(`Owner token (${created.member.name}): ${created.token}`);
  console.log(`Manager invite code: ${created.invites.manager}`);
  console.log(`Member invite code:  ${created.invites.member}`);
  console.log('Keep the token secret; only its hash is stored, so it cannot be shown again.');
} finally {
  await database.close();
}
