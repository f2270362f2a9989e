// Runs in each test worker before any module under test reads the environment.
import { inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.AUTH_SECRET ??= 'integration-tests-only-secret-value';
