import { afterAll, beforeAll, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { type TestApp, testApp } from '../test/harness.ts';
let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(() => t.dispose());
it('probe', async () => {
  for (const q of [sql`select ${'a\u0000'}::text`, sql`select ${'{"a":"\\u0000"}'}::jsonb`]) {
    try { await t.database.db.execute(q); } catch (e) {
      const chain = []; for (let x: any = e; x; x = x.cause) chain.push([x.constructor?.name, x.code, x.message?.slice(0, 80)]);
      console.log(JSON.stringify(chain));
    }
  }
});
