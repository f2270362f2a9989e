import Link from 'next/link';
import { STATUS_LINK, StatusMessage } from '@/components/status-message';

export const metadata = { title: 'Page not found' };

export default function NotFoundInApp() {
  return (
    <StatusMessage title="There is no page here" actions={<Link href="/" className={STATUS_LINK}>Go to your home page</Link>}>
      The link may be old or mistyped, or the item was removed. The menu above leads to everything you can open.
    </StatusMessage>
  );
}
