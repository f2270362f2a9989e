import Link from 'next/link';
import { STATUS_LINK, StatusMessage } from '@/components/status-message';

export const metadata = { title: 'Page not found' };

// Outside the signed-in area (signed-in paths get (app)/not-found.tsx, inside the app's shell).
export default function NotFound() {
  return (
    <main>
      <StatusMessage title="There is no page here" actions={<Link href="/" className={STATUS_LINK}>Go to Overturn</Link>}>
        The link may be old or mistyped.
      </StatusMessage>
    </main>
  );
}
