import 'server-only';

/**
 * Headers for a file the browser should save, not render: an ASCII fallback name plus the exact UTF-8 name
 * (RFC 6266 / RFC 5987), no sniffing, and no caching of PHI by the browser or a proxy.
 */
export function downloadHeaders(filename: string, contentType: string, size: number): HeadersInit {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return {
    'content-type': contentType,
    'content-length': String(size),
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
  };
}

export const FORMAT_CONTENT_TYPE = {
  // application/edi-x12 is the registered media type for X12 interchanges (RFC 1767).
  x12_835: 'application/edi-x12',
  csv: 'text/csv; charset=utf-8',
} as const;
