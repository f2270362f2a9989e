// `prisma generate` that also works where Prisma cannot download its native schema engine.
// generate never runs the schema engine, but the CLI insists one exists; any file satisfies it
// (docs/decisions/0001-offline-migrations.md). Where the real engine is installed, it is used as is.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const enginesDir = path.resolve(import.meta.dirname, '../node_modules/@prisma/engines');
const hasNativeEngine = existsSync(enginesDir) && readdirSync(enginesDir).some((f) => f.startsWith('schema-engine'));
const env: NodeJS.ProcessEnv = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
if (!hasNativeEngine && !env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const placeholder = path.join(os.tmpdir(), 'overturn-no-schema-engine');
  writeFileSync(placeholder, '');
  env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
}
execFileSync(process.execPath, [path.resolve(import.meta.dirname, '../node_modules/prisma/build/index.js'), 'generate'], {
  stdio: 'inherit',
  env,
});
