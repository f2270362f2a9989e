import { redirect } from 'next/navigation';
import { safeRedirectPath } from '@/lib/domain/safe-redirect';
import { getActor } from '@/lib/server/auth';
import { appOrigin } from '@/lib/server/app-origin';
import { SignInForm } from './sign-in-form';

export const metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ expired?: string; callbackUrl?: string }> }) {
  if (await getActor()) redirect('/');
  const { expired, callbackUrl } = await searchParams;
  const next = safeRedirectPath(callbackUrl, await appOrigin());
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold text-brand-900">Overturn</h1>
        <p className="mb-5 text-sm text-slate-600">Sign in to work your denial queue.</p>
        {expired ? (
          <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
            Your session has ended. Please sign in again.
          </p>
        ) : null}
        <SignInForm next={next} />
      </div>
    </main>
  );
}
