import 'server-only';
import { z } from 'zod';
import { plainText } from '@/lib/domain/contracts/text';
import { ESCALATION_TEXT_MAX, ESCALATION_TEXT_MIN } from '@/lib/domain/escalations/handling';

/** A required reason or note: a few words at least, plain multi-line text. */
export const escalationText = (what: string) =>
  plainText(
    z
      .string()
      .trim()
      .min(ESCALATION_TEXT_MIN, `Say ${what} (at least ${ESCALATION_TEXT_MIN} characters)`)
      .max(ESCALATION_TEXT_MAX, `Keep ${what} under ${ESCALATION_TEXT_MAX} characters`),
    'multi-line',
  );
