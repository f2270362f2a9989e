import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { Providers } from '@/components/providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Overturn', template: '%s · Overturn' },
  description: 'The work queue for denied claims',
};

// Every page renders per request: its scripts carry that request's CSP nonce (proxy.ts), which a page built
// ahead of time could not.
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
