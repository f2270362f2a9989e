import { Button } from '@/components/ui/button';

/**
 * Downloads the current view and filters, every page of it (GET /api/exports/queue streams the file). A plain
 * link: the browser saves the attachment itself, so a large export never passes through the page's memory.
 */
export function ExportCsvLink({ search }: { search: string }) {
  return (
    <Button asChild variant="secondary">
      <a href={`/api/exports/queue${search ? `?${search}` : ''}`} download>
        Export CSV
      </a>
    </Button>
  );
}
