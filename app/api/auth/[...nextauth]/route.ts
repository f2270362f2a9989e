// Serves next-auth (sign-in, sign-out, session, CSRF). Credential sign-ins are validated here first so a
// malformed body gets a clear 400 instead of reaching next-auth.
import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { MAX_PASSWORD_INPUT } from '@/lib/domain/passwords/password-policy';
import { authOptions } from '@/lib/server/auth';

const handler = NextAuth(authOptions);

const credentialsBody = z.object({
  email: z.string().min(1, 'email is required').max(254),
  password: z.string().min(1, 'password is required').max(MAX_PASSWORD_INPUT),
  csrfToken: z.string().min(1, 'csrfToken is required'),
});

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function POST(req: Request, ctx: Ctx) {
  const { nextauth } = await ctx.params;
  if (nextauth.join('/') === 'callback/credentials') {
    const type = req.headers.get('content-type') ?? '';
    if (!type.includes('application/x-www-form-urlencoded')) {
      return NextResponse.json(
        { ok: false, code: 'invalid_input', message: 'Sign-in expects an application/x-www-form-urlencoded body.' },
        { status: 400 },
      );
    }
    const text = await req.clone().text();
    const parsed = credentialsBody.safeParse(Object.fromEntries(new URLSearchParams(text)));
    if (!parsed.success) {
      return NextResponse.json(
        { ok: false, code: 'invalid_input', message: 'The sign-in request is malformed.', issues: z.flattenError(parsed.error).fieldErrors },
        { status: 400 },
      );
    }
  }
  return handler(req, ctx);
}

export { handler as GET, POST };
