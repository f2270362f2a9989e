// What an attachment is (issue 13): the documents an appeal is argued with. Stored as text on the attachment
// (checked by the upload operation: no CHECK constraints, decision 0018's note on Prisma's schema describer) and
// shown by label in the list, the upload form and the packet's cover sheet.

export const ATTACHMENT_KINDS = [
  'medical_records',
  'eob',
  'authorization_proof',
  'corrected_claim',
  'payer_correspondence',
  'proof_of_timely_filing',
  'other',
] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const ATTACHMENT_KIND_LABEL: Record<AttachmentKind, string> = {
  medical_records: 'Medical records',
  eob: 'EOB / remittance advice',
  authorization_proof: 'Authorization proof',
  corrected_claim: 'Corrected claim',
  payer_correspondence: 'Payer correspondence',
  proof_of_timely_filing: 'Proof of timely filing',
  other: 'Other',
};

export function isAttachmentKind(value: string): value is AttachmentKind {
  return (ATTACHMENT_KINDS as readonly string[]).includes(value);
}

/** The label of a stored kind; a value from outside the vocabulary is shown as it is, never guessed. */
export function attachmentKindLabel(value: string): string {
  return isAttachmentKind(value) ? ATTACHMENT_KIND_LABEL[value] : value;
}
