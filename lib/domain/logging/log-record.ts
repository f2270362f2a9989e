// What one server log line may hold. Logs leave the database's protection (a log shipper, a vendor's dashboard,
// a support ticket), so a line is built from an allowlist of fields that cannot carry PHI — which route or job,
// how it ended, how long it took, who by id — and anything else handed to the logger is dropped, not escaped.
// An error is kept as its class, its SQLSTATE and its stack frames, never its message: a database error's
// message and detail quote the row's values ("Key (\"payerClaimNumber\")=(…) already exists").

export type LogLevel = 'info' | 'warn' | 'error';

/** The fields a line may carry. Strings are identifiers chosen by the code (route patterns, job names, ids). */
export interface LogFields {
  /** A route handler's method and path, ids replaced (routeName()). */
  route?: string;
  /** A server action or a background job's name. */
  action?: string;
  job?: string;
  /** A background job's id (a UUID). */
  jobId?: string;
  status?: number;
  durationMs?: number;
  requestId?: string;
  /** The signed-in user's id (a UUID): never a name or an email. */
  actorId?: string;
  /** A count the code computed (rows exported, denials escalated). */
  count?: number;
  error?: unknown;
}

export interface LogRecord {
  level: LogLevel;
  time: string;
  msg: string;
  [field: string]: string | number | string[] | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Identifiers a line may name: code-chosen words, never free text (a note, a claim number has no business here). */
const NAME = /^[\w ./:[\]()@-]{1,120}$/;
const REQUEST_ID = /^[\w.:-]{1,100}$/;
const SQLSTATE = /^[0-9A-Z]{5}$/;

function name(value: unknown): string | undefined {
  return typeof value === 'string' && NAME.test(value) ? value : undefined;
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A request id from a balancer's header, when it looks like one; otherwise none (the caller makes its own). */
export function acceptedRequestId(header: string | null | undefined): string | undefined {
  return header && REQUEST_ID.test(header) ? header : undefined;
}

/** A path with its ids (UUIDs, numbers) replaced by ':id', so a line names the route and not the record. */
export function routeName(method: string, pathname: string): string {
  const path = pathname
    .split('/')
    .map((segment) => (UUID.test(segment) || /^\d+$/.test(segment) ? ':id' : segment))
    .join('/');
  return `${method.toUpperCase()} ${name(path) ?? '(unnamed)'}`;
}

/** An error as its class, its PostgreSQL code and where it was thrown: the message is left out (PHI). */
function errorFields(error: unknown): Partial<Pick<LogRecord, 'errorType' | 'errorCode' | 'stack'>> {
  if (!(error instanceof Error)) return { errorType: typeof error };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at '))
    .slice(0, 12);
  return {
    errorType: name(error.constructor?.name) ?? 'Error',
    errorCode: typeof code === 'string' && SQLSTATE.test(code) ? code : undefined,
    stack: frames.length ? frames : undefined,
  };
}

/** The record to print: allowlisted fields only, anything unknown or not of its kind dropped. */
export function logRecord(level: LogLevel, msg: string, fields: LogFields, now: Date): LogRecord {
  const record: LogRecord = {
    level,
    time: now.toISOString(),
    msg: name(msg) ?? 'log',
    route: name(fields.route),
    action: name(fields.action),
    job: name(fields.job),
    jobId: typeof fields.jobId === 'string' && UUID.test(fields.jobId) ? fields.jobId : undefined,
    status: finite(fields.status),
    durationMs: finite(fields.durationMs) === undefined ? undefined : Math.round(fields.durationMs! * 10) / 10,
    requestId: acceptedRequestId(fields.requestId),
    actorId: typeof fields.actorId === 'string' && UUID.test(fields.actorId) ? fields.actorId : undefined,
    count: finite(fields.count),
    ...(fields.error === undefined ? {} : errorFields(fields.error)),
  };
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
  return record;
}
