import type { Db } from './database';

/** The value of a setting, or undefined when it was never written. */
export async function findSetting(db: Db, key: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.value;
}

/** Writes a setting that is not there yet (@throws on a key already written). */
export async function insertSetting(db: Db, key: string, value: string): Promise<void> {
  await db.insertInto('settings').values({ key, value }).execute();
}

/** Whether the database holds any region or any account (a database set up before settings). */
export async function holdsAnything(db: Db): Promise<boolean> {
  const region = await db.selectFrom('regions').select('code').limit(1).executeTakeFirst();
  const user = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return region !== undefined || user !== undefined;
}
