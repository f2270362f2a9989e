// Where bench:load's time goes: CPU seconds the app server and PostgreSQL (the postmaster and its backends)
// used during a phase, read from /proc (Linux), and how many of the app's pooled connections were busy in
// PostgreSQL, sampled from pg_stat_activity — so "slow" can be told apart as app CPU, database CPU, waiting for
// a pooled connection, or a machine shared with other work.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const TICKS = 100; // USER_HZ on Linux

function procStat(pid: number): { ppid: number; cpu: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / TICKS };
  } catch {
    return null;
  }
}

/** CPU seconds of `root` and every process below it (PostgreSQL's backends come and go; the ones alive count). */
function treeCpu(root: number): number {
  const all = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  const stats = new Map(all.map((pid) => [pid, procStat(pid)] as const));
  const inTree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, s] of stats) {
      if (s && !inTree.has(pid) && inTree.has(s.ppid)) {
        inTree.add(pid);
        grew = true;
      }
    }
  }
  return [...inTree].reduce((sum, pid) => sum + (stats.get(pid)?.cpu ?? 0), 0);
}

export function postmasterPid(dataDir: string): number {
  return Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

export interface Usage {
  appCpuS: number;
  postgresCpuS: number;
  wallS: number;
  /** Mean number of the app's connections running a statement (pg_stat_activity state 'active'). */
  meanActiveConnections: number;
  /** Share of those samples waiting on a lock or I/O rather than running on a CPU. */
  waitingShare: number;
}

/** Starts measuring; the returned function stops and reports. The PostgreSQL backends that ended meanwhile are not counted. */
export function measureUsage(appPid: number, dataDir: string, ownerUrl: string, appRole: string): () => Promise<Usage> {
  const started = performance.now();
  const app0 = treeCpu(appPid);
  const pg0 = treeCpu(postmasterPid(dataDir));
  const client = new pg.Client({ connectionString: ownerUrl });
  let samples = 0;
  let active = 0;
  let waiting = 0;
  let stopped = false;
  const sampling = (async () => {
    await client.connect();
    while (!stopped) {
      const { rows } = await client.query<{ active: string; waiting: string }>(
        `SELECT count(*) FILTER (WHERE state = 'active') AS active, count(*) FILTER (WHERE state = 'active' AND wait_event_type IN ('Lock', 'LWLock', 'IO')) AS waiting
           FROM pg_stat_activity WHERE usename = $1`,
        [appRole],
      );
      samples++;
      active += Number(rows[0]!.active);
      waiting += Number(rows[0]!.waiting);
      await new Promise((r) => setTimeout(r, 200));
    }
    await client.end();
  })().catch(() => {});
  return async () => {
    stopped = true;
    await sampling;
    return {
      appCpuS: Math.round((treeCpu(appPid) - app0) * 10) / 10,
      postgresCpuS: Math.round((treeCpu(postmasterPid(dataDir)) - pg0) * 10) / 10,
      wallS: Math.round((performance.now() - started) / 100) / 10,
      meanActiveConnections: samples ? Math.round((active / samples) * 10) / 10 : 0,
      waitingShare: active ? Math.round((waiting / active) * 100) / 100 : 0,
    };
  };
}
