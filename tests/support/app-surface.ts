// Every way into the app, read from the source: route handlers (each exported HTTP method of app/**/route.ts)
// and server actions (the exports of 'use server' files under app/). The authorization matrix and the CSRF
// end-to-end test walk these lists, so a new endpoint cannot go unlisted.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const ROOT = REPO_ROOT;
const APP = path.join(ROOT, 'app');
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export const MUTATION_METHODS: readonly string[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Names a module exports: `export const|function X` and `export { a as X, Y }`. */
function exportedNames(source: string): Set<string> {
  const names = new Set<string>();
  for (const m of source.matchAll(/export (?:const|let|(?:async )?function) (\w+)/g)) names.add(m[1]!);
  for (const m of source.matchAll(/export \{([^}]*)\}/g)) {
    for (const part of m[1]!.split(',')) {
      const name = part.trim().split(/\s+as\s+/).at(-1);
      if (name) names.add(name);
    }
  }
  return names;
}

export interface RouteHandler {
  /** Relative to the repository: 'app/api/denials/[id]/route.ts'. */
  file: string;
  /** The URL path pattern, route groups dropped: '/api/denials/[id]'. */
  path: string;
  method: string;
}

export function routeHandlers(): RouteHandler[] {
  return sourceFiles(APP)
    .filter((file) => path.basename(file) === 'route.ts')
    .flatMap((file) => {
      const names = exportedNames(readFileSync(file, 'utf8'));
      const segments = path.relative(APP, path.dirname(file)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s));
      return HTTP_METHODS.filter((m) => names.has(m)).map((method) => ({ file: path.relative(ROOT, file), path: `/${segments.join('/')}`, method }));
    })
    .sort((a, b) => `${a.method} ${a.path}`.localeCompare(`${b.method} ${b.path}`));
}

export interface ServerAction {
  /** Relative to the repository: 'app/(app)/queue/actions.ts'. */
  file: string;
  name: string;
}

export function serverActions(): ServerAction[] {
  return sourceFiles(APP).flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    if (!/^\s*(?:\/\/[^\n]*\n\s*)*['"]use server['"]/.test(source)) return [];
    return [...exportedNames(source)].map((name) => ({ file: path.relative(ROOT, file), name }));
  });
}
