'use client';
import Link from 'next/link';
import './globals.css';

// The root layout itself failed, so this page brings its own <html>; with a link back to the home page.
export default function GlobalError() {
  return (
    <html lang="en">
      <body>
        <main className="mx-auto mt-24 max-w-md rounded-lg border border-slate-200 bg-white p-6 text-center">
          <h1 className="text-lg font-semibold">Overturn could not be shown</h1>
          <p className="mt-2 text-sm text-slate-600">Something went wrong on our side.</p>
          <Link href="/" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
            Go to Overturn
          </Link>
        </main>
      </body>
    </html>
  );
}
