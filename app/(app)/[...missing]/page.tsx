import { notFound } from 'next/navigation';

// Any path no page claims: answered by (app)/not-found.tsx, inside the signed-in shell with its navigation.
export default function MissingPage() {
  notFound();
}
