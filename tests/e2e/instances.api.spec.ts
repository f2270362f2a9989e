// Several app instances on one PostgreSQL (docs/decisions/0035-several-instances.md): two `next start` processes
// from the same build, on a database of their own, behind one public address as a balancer would put them. A
// write on one is read on the other, a session made on one works on the other and its sign-out on one ends it
// on both, each scheduled job run happens once across the two, and a third instance whose database cannot be
// reached is alive but not ready. Their own database: the test runs the SLA check every minute, which on the
// shared e2e database would escalate other tests' denials.
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type APIRequestContext, expect, request, test } from '@playwright/test';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { readE2eDatabaseUrls } from '../support/e2e-database-file';
import { appRoleUrl, createTestDatabase, type TestDatabase } from '../support/test-database';
import { samplePdf } from './support/sample-files';
import { type Denial, type Person, testData } from './support/test-data';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SLA_CHECK = 'sla-check';

interface Instance {
  name: string;
  url: string;
  process: ChildProcess;
  /** Its stdout and stderr, a line an entry: the JSON log lines are counted below. */
  lines: string[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function startInstance(name: string, port: number, env: Record<string, string>): Instance {
  // NEXT_DIST_DIR, when set, is inherited: the build the e2e web server made (scripts/e2e-server.ts).
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'next'), ['start', '-p', String(port)], {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const instance: Instance = { name, url: `http://localhost:${port}`, process: child, lines: [] };
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream!.on('data', (chunk: Buffer) => {
      const text = partial + chunk.toString('utf8');
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      instance.lines.push(...lines);
    });
  }
  return instance;
}

/** Polls until `check` answers something truthy, or fails naming `what` at the deadline: no fixed sleeps. */
async function eventually<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

async function status(url: string): Promise<number | null> {
  try {
    return (await fetch(url)).status;
  } catch {
    return null;
  }
}

function jsonLines(instance: Instance): Record<string, unknown>[] {
  return instance.lines.filter((l) => l.startsWith('{')).flatMap((l) => {
    try {
      return [JSON.parse(l) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

let database: TestDatabase;
let owner: pg.Pool;
let prisma: PrismaClient;
let a: Instance;
let b: Instance;
let down: Instance;
/** The balancer's address: what NEXTAUTH_URL says on every instance and what a browser sends as Origin. */
let publicOrigin: string;
let person: Person;
let denial: Denial;
let onA: APIRequestContext;

test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // Beside the e2e server's database: the same server, embedded or not, already running.
  database = await createTestDatabase('overturn_e2e_instances', { beside: readE2eDatabaseUrls().owner });
  const appUrl = await appRoleUrl(database);
  owner = new pg.Pool({ connectionString: database.url, max: 2 });
  const [portA, portB, portDown] = [await freePort(), await freePort(), await freePort()];
  publicOrigin = `http://localhost:${portA}`;
  const shared = {
    DATABASE_URL: appUrl,
    AUTH_SECRET: 'instances-test-secret-shared-by-every-instance',
    NEXTAUTH_URL: publicOrigin,
    // Every minute, so the test sees a scheduled run within seconds of the instances starting.
    SLA_CHECK_CRON: '* * * * *',
    TRUSTED_PROXIES: '0',
  };
  a = startInstance('A', portA, shared);
  // B reads its reports through the "replica" pool, here the same database.
  b = startInstance('B', portB, { ...shared, DATABASE_REPLICA_URL: appUrl });
  down = startInstance('down', portDown, { ...shared, DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none', JOBS: 'off' });

  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: appUrl, max: 2 }) });
  const data = testData(prisma, `INST${Date.now().toString(36).toUpperCase()}`);
  const team = await data.team();
  person = await data.person('specialist', { team });
  denial = await data.denial({ team, owner: person });

  for (const instance of [a, b]) await eventually(`instance ${instance.name} to be ready`, async () => (await status(`${instance.url}/api/ready`)) === 200, 150_000);
  await eventually('the unreachable instance to answer', async () => (await status(`${down.url}/api/health`)) === 200, 150_000);

  onA = await request.newContext({ baseURL: a.url, extraHTTPHeaders: { origin: publicOrigin } });
  const { csrfToken } = (await (await onA.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const signedIn = await onA.post('/api/auth/callback/credentials', { form: { email: person.email, password: person.password, csrfToken, json: 'true' } });
  expect(signedIn.ok(), 'sign-in on A').toBeTruthy();
});

test.afterAll(async () => {
  await onA?.dispose();
  const exits = [a, b, down].filter(Boolean).map(
    (instance) =>
      new Promise<void>((resolve) => {
        if (instance.process.exitCode !== null || instance.process.signalCode !== null) return resolve();
        instance.process.once('exit', () => resolve());
        instance.process.kill('SIGTERM');
      }),
  );
  await Promise.all(exits);
  await prisma?.$disconnect();
  await owner?.end();
  await database?.drop();
});

/** A request context on `instance` carrying A's cookies, as the balancer would send the browser's next request. */
async function sameBrowserOn(instance: Instance): Promise<APIRequestContext> {
  return request.newContext({ baseURL: instance.url, extraHTTPHeaders: { origin: publicOrigin }, storageState: await onA.storageState() });
}

test('an instance whose database is down is alive but not ready, and says why without details', async () => {
  expect(await status(`${down.url}/api/health`)).toBe(200);
  const ready = await fetch(`${down.url}/api/ready`);
  expect(ready.status).toBe(503);
  expect(ready.headers.get('retry-after')).toBe('5');
  expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'database_unreachable', message: 'The database cannot be reached.' });
  for (const instance of [a, b]) expect(await (await fetch(`${instance.url}/api/ready`)).json()).toEqual({ status: 'ready' });
});

test('a file attached through A is downloaded through B, with the session A made', async () => {
  const pdf = Buffer.from(await samplePdf(1, 'Visit notes'));
  const upload = await onA.post(`/api/denials/${denial.id}/attachments?filename=visit-notes.pdf&kind=medical_records`, {
    data: pdf,
    headers: { 'content-type': 'application/pdf', 'x-request-id': 'balancer-req-0001' },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  expect(upload.headers()['x-request-id']).toBe('balancer-req-0001');
  const { attachment } = (await upload.json()) as { attachment: { id: string } };

  const onB = await sameBrowserOn(b);
  const download = await onB.get(`/api/attachments/${attachment.id}`);
  expect(download.status()).toBe(200);
  expect(Buffer.from(await download.body()).equals(pdf)).toBe(true);
  const detail = (await (await onB.get(`/api/denials/${denial.id}`)).json()) as { patientName?: string };
  expect(JSON.stringify(detail)).toContain(denial.patientName);
  // B reads its exports through DATABASE_REPLICA_URL's pool (the same database here): the row is there.
  const csv = await onB.get('/api/exports/queue');
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(denial.patientName);
  await onB.dispose();

  // Each instance logged its request as a JSON line naming the route, the status and the person by id only.
  const upLine = jsonLines(a).find((l) => l.requestId === 'balancer-req-0001');
  expect(upLine).toMatchObject({ level: 'info', msg: 'request', route: 'POST /api/denials/:id/attachments', status: 201, actorId: person.id });
  expect(jsonLines(b)).toContainEqual(expect.objectContaining({ route: 'GET /api/attachments/:id', status: 200, actorId: person.id }));
  for (const instance of [a, b]) {
    const output = instance.lines.join('\n');
    for (const phi of [denial.patientName, denial.patientControlNumber, person.email, person.name]) expect(output, `${instance.name}'s log`).not.toContain(phi);
  }
});

test('signing out on A ends the session on B', async () => {
  const onB = await sameBrowserOn(b);
  expect(((await (await onB.get('/api/auth/session')).json()) as { user?: { email: string } }).user?.email).toBe(person.email);
  const { csrfToken } = (await (await onA.get('/api/auth/csrf')).json()) as { csrfToken: string };
  expect((await onA.post('/api/auth/signout', { form: { csrfToken, json: 'true' } })).ok()).toBeTruthy();
  expect(await (await onB.get('/api/auth/session')).json()).toEqual({});
  expect((await onB.get(`/api/denials/${denial.id}`)).status()).toBe(401);
  await onB.dispose();
});

test('each scheduled run of the SLA check runs once across the two instances', async () => {
  // Both instances run jobs and both schedule the check every minute; each cron pass claims pgboss.version.cron_on
  // and files the minute's occurrence under one singleton slot. Waited for: both started, a completed run, no run
  // pending, and two cron passes (one per claim interval, by either instance) — so both had their chance to send.
  const started = (instance: Instance) => jsonLines(instance).some((l) => l.msg === 'jobs started');
  await eventually('both instances to start their jobs', async () => started(a) && started(b), 60_000);
  const passes = new Set<string>();
  await eventually(
    'a completed SLA check and two cron passes',
    async () => {
      const { rows } = await owner.query<{ cron_on: Date | null; done: number; waiting: number }>(
        `SELECT (SELECT cron_on FROM pgboss.version LIMIT 1) AS cron_on,
                count(*) FILTER (WHERE state = 'completed')::int AS done,
                count(*) FILTER (WHERE state IN ('created', 'retry', 'active'))::int AS waiting
           FROM pgboss.job WHERE name = $1`,
        [SLA_CHECK],
      );
      const row = rows[0]!;
      if (row.cron_on) passes.add(row.cron_on.toISOString());
      return row.done >= 1 && row.waiting === 0 && passes.size >= 2;
    },
    90_000,
  );

  // The completed jobs first, then the forwarded occurrences: a job is sent after its occurrence, so one that
  // completes between the two reads is still counted among the occurrences.
  const { rows: done } = await owner.query<{ id: string }>(`SELECT id::text FROM pgboss.job WHERE name = $1 AND state = 'completed'`, [SLA_CHECK]);
  const forwarded = await owner.query<{ slot: string; n: number }>(
    `SELECT singleton_on::text AS slot, count(*)::int AS n FROM pgboss.job
      WHERE name = '__pgboss__send-it' AND data->>'name' = $1 GROUP BY singleton_on`,
    [SLA_CHECK],
  );
  expect(forwarded.rows.length).toBeGreaterThanOrEqual(1);
  expect(forwarded.rows.filter((r) => r.n !== 1), 'one forwarded occurrence per minute slot').toEqual([]);

  // Every completed run logged its job's id once (the line may still be in the pipe: waited for), and no id twice —
  // a job run by both instances, or twice by one, would log it twice.
  expect(done.length).toBeGreaterThanOrEqual(1);
  expect(done.length, 'no more jobs than forwarded occurrences').toBeLessThanOrEqual(forwarded.rows.length);
  const loggedRuns = () => [a, b].flatMap((instance) => jsonLines(instance).filter((l) => l.msg === 'job' && l.job === SLA_CHECK && l.level === 'info').map((l) => String(l.jobId)));
  const runs = await eventually('each completed run to be logged', async () => (done.every((d) => loggedRuns().includes(d.id)) ? loggedRuns() : null), 10_000);
  expect(runs.length, 'each job ran once across the two instances').toBe(new Set(runs).size);
});
