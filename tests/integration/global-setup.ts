import type { TestProject } from 'vitest/node';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

let database: TestDatabase | undefined;

export async function setup(project: TestProject) {
  database = await createTestDatabase('overturn_it');
  project.provide('databaseUrl', database.url);
}

export async function teardown() {
  await database?.drop();
}
