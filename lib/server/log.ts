import 'server-only';
import { type LogFields, type LogLevel, logRecord } from '@/lib/domain/logging/log-record';

// The server's one logger: a JSON line per event on stdout (errors on stderr), which every log collector reads
// as is. What a line may hold — and what it drops — is lib/domain/logging/log-record.ts.

function write(level: LogLevel, msg: string, fields?: LogFields): void {
  const line = `${JSON.stringify(logRecord(level, msg, fields ?? {}, new Date()))}\n`;
  if (level === 'error') process.stderr.write(line);
  else process.stdout.write(line);
}

export const log = {
  info: (msg: string, fields?: LogFields) => write('info', msg, fields),
  warn: (msg: string, fields?: LogFields) => write('warn', msg, fields),
  error: (msg: string, fields?: LogFields) => write('error', msg, fields),
};
