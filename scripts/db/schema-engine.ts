// Prisma's schema engine as WebAssembly (@prisma/schema-engine-wasm), driven through the pg adapter.
// Why: the Prisma CLI downloads a native engine on every command, which fails on machines that reach only
// the npm registry (see docs/decisions/0001-offline-migrations.md). The wasm build is the same engine.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

const require = createRequire(import.meta.url);

export const SCHEMA_PATH = path.resolve(import.meta.dirname, '../../prisma/schema.prisma');
export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../prisma/migrations');

type Bindings = typeof import('@prisma/schema-engine-wasm/schema_engine_bg') & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

let bindingsPromise: Promise<Bindings> | undefined;

async function loadBindings(): Promise<Bindings> {
  const pkgDir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const bindings = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as Bindings;
  const wasmBytes = await readFile(path.join(pkgDir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(wasmBytes, {
    './schema_engine_bg.js': bindings as unknown as WebAssembly.ModuleImports,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  return bindings;
}

type QueryFn = (...args: unknown[]) => Promise<{ fields?: { dataTypeID: number }[] }>;
type ScriptAdapter = {
  client: { query: QueryFn };
  onError(error: unknown): never;
  executeScript(script: string): Promise<void>;
};

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * Two gaps in PrismaPg when it drives the schema engine (rather than queries):
 * - executeScript splits a migration on every `;`, which breaks function bodies and string
 *   literals. PostgreSQL's simple query protocol takes the whole script at once, as `prisma migrate` sends it.
 * - introspection reads catalogue columns of type "char" (e.g. pg_class.relkind), which the adapter refuses to
 *   map; pg already decodes them as strings, so they are reported as text.
 */
function wholeScriptAdapter(factory: PrismaPg, opened: { dispose(): Promise<void> }[]): PrismaPg {
  const patch = <A extends { dispose(): Promise<void> }>(adapter: A): A => {
    // Once only: the engine disposes the shadow database's adapter itself after a diff, and a second dispose
    // would query a pool already ended.
    const dispose = adapter.dispose.bind(adapter);
    let disposed: Promise<void> | undefined;
    adapter.dispose = () => (disposed ??= dispose());
    opened.push(adapter);
    const raw = adapter as unknown as ScriptAdapter;
    const query = raw.client.query.bind(raw.client);
    raw.client.query = async (...args: unknown[]) => {
      const result = await query(...args);
      for (const field of result?.fields ?? []) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
      return result;
    };
    raw.executeScript = async (script: string) => {
      try {
        await raw.client.query(script);
      } catch (error) {
        raw.onError(error);
      }
    };
    return adapter;
  };
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => patch(await connect());
  factory.connectToShadowDb = async () => patch(await connectToShadowDb());
  return factory;
}

/** Runs `fn` with a schema engine connected to `connectionString`, and frees it afterwards. */
export async function withSchemaEngine<T>(
  connectionString: string,
  fn: (engine: SchemaEngine, schemaText: string) => Promise<T>,
): Promise<T> {
  bindingsPromise ??= loadBindings();
  const bindings = await bindingsPromise;
  const schemaText = await readFile(SCHEMA_PATH, 'utf8');
  // The engine does not close its connections when freed: one still holding the migration advisory lock would
  // make the next migrate in this process wait for the pool's idle timeout (and time out on Prisma's 10 s lock
  // wait when the two are close), so every adapter it opened is disposed here.
  const opened: { dispose(): Promise<void> }[] = [];
  const adapter = bindMigrationAwareSqlAdapterFactory(wholeScriptAdapter(new PrismaPg({ connectionString }), opened));
  const log = () => {};
  const engine = await bindings.SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schemaText]] }, log, adapter);
  try {
    return await fn(engine, schemaText);
  } finally {
    engine.free();
    await Promise.all(opened.map((a) => a.dispose()));
  }
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };
