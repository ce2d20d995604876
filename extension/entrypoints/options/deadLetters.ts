// Records the server refused, read straight from the extension's IndexedDB: extension pages
// share the background's origin, so the options page opens the same database.
import { ChorusDb, type DeadLetter } from '../../db';

let db: ChorusDb | undefined;

/** This team's dead letters, newest first. */
export async function deadLetters(teamId: string): Promise<DeadLetter[]> {
  db ??= new ChorusDb();
  const rows = await db.deadLetters.where('teamId').equals(teamId).toArray();
  return rows.sort((a, b) => b.at.localeCompare(a.at));
}
