import Link from 'next/link';

export const metadata = { title: 'Not allowed' };

export default function ForbiddenPage() {
  return (
    <main className="mx-auto mt-24 max-w-md rounded-lg border border-slate-200 bg-white p-6 text-center">
      <h1 className="text-lg font-semibold">You don&apos;t have access to this page</h1>
      <p className="mt-2 text-sm text-slate-600">Your role does not include it. Ask a manager or administrator if you need it.</p>
      <Link href="/" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
        Go to your home page
      </Link>
    </main>
  );
}
