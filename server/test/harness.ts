import type { Knex } from 'knex';
import supertest from 'supertest';
import { afterAll, beforeAll } from 'vitest';
import { openTestDb, type TestDb } from '@tm/db/testing';
import { createApp } from '../src/app.ts';
import { createHttpServer } from '../src/http/http-server.ts';

export type Harness = { api: () => supertest.Agent; db: () => Knex };

/** A real app on its own fresh database for the test file that calls it. */
export function useTestApp(): Harness {
  let testDb: TestDb | undefined;
  let agent: supertest.Agent | undefined;
  beforeAll(async () => {
    testDb = await openTestDb();
    agent = supertest.agent(createHttpServer(createApp({ db: testDb.db })));
  });
  afterAll(async () => {
    await testDb?.close();
  });
  return {
    api: () => agent!,
    db: () => testDb!.db,
  };
}
