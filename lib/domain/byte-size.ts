// Byte limits as people read them, for the messages that name a limit (uploads, server-action bodies).

/** "200 MB", "256 KB", "100 bytes": exact, never rounded to a size the limit is not. */
export function sizeText(bytes: number): string {
  const MB = 1024 * 1024;
  if (bytes >= MB && bytes % MB === 0) return `${bytes / MB} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}
