import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/env';

type HeaderReader = { get(name: string): string | null };

/** 'https:' or 'http:' as this server received the request (Next sets x-forwarded-proto from the socket). */
export function requestProtocol(h: HeaderReader): 'https:' | 'http:' {
  return h.get('x-forwarded-proto')?.includes('https') ? 'https:' : 'http:';
}

/** The app's origin: the public URL's (NEXTAUTH_URL), else the one this request reached. */
export async function appOrigin(): Promise<string> {
  const configured = env().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const h = await headers();
  return `${requestProtocol(h)}//${h.get('host') ?? 'localhost'}`;
}
