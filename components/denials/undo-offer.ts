import { UNDO_NOTICE_MS } from '@/lib/client/notices';

/** What a confirmation says about undo where the server allows it (lib/domain/undo.ts). */
export const UNDO_OFFER = `After saving, an Undo button is offered for ${UNDO_NOTICE_MS / 1000} seconds, as long as nobody else changes the denial meanwhile.`;
