// Loops 1000A (payer, N1*PR) and 1000B (payee, N1*PE) with their N3/N4 address and REF ids — 005010X221A1.
import { ownString } from '../own-string';
import type { SegmentView } from '../segment';
import type { Party, Reference } from '../types';

/** N102 name, N103 id qualifier (XV plan id, XX NPI, FI tax id), N104 id. */
export function readParty(view: SegmentView): Party {
  const idQualifier = ownString(view.intern(3));
  const id = ownString(view.trimmed(4));
  return {
    name: ownString(view.trimmed(2) ?? ''),
    idQualifier,
    id,
    npi: idQualifier === 'XX' ? id : null,
    taxId: idQualifier === 'FI' ? id : null,
    address: null,
    references: [],
  };
}

/** N301/N302 address lines. */
export function addAddressLines(party: Party, view: SegmentView): void {
  party.address ??= { lines: [], city: null, state: null, postalCode: null };
  for (const k of [1, 2]) {
    const line = ownString(view.trimmed(k));
    if (line !== null) party.address.lines.push(line);
  }
}

/** N401 city, N402 state, N403 postal code. */
export function setCityStateZip(party: Party, view: SegmentView): void {
  party.address ??= { lines: [], city: null, state: null, postalCode: null };
  party.address.city = ownString(view.trimmed(1));
  party.address.state = ownString(view.trimmed(2));
  party.address.postalCode = ownString(view.trimmed(3));
}

/** REF*2U is the payer id when N104 is absent; REF*TJ is the payee's tax id. */
export function addPartyReference(party: Party, reference: Reference): void {
  party.references.push(reference);
  if (reference.qualifier === '2U' && party.id === null) {
    party.id = reference.value;
    party.idQualifier = '2U';
  }
  if (reference.qualifier === 'TJ' && party.taxId === null) party.taxId = reference.value;
}
