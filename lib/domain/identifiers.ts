// The organisation's identifiers as payers check them. NPI: ten digits whose last is a Luhn check digit computed
// over the nine before it prefixed with 80840 (the card-issuer prefix for US health applications — CMS, "Requirements
// for Check Digit Algorithm", 45 CFR 162.406). TIN: the employer identification number, written NN-NNNNNNN.

/** Whether `digits` passes the Luhn (mod 10) check, its last digit being the check digit. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Why `npi` is not a valid NPI, or null when it is. */
export function npiProblem(npi: string): string | null {
  if (!/^\d{10}$/.test(npi)) return 'An NPI is 10 digits';
  if (!/^[12]/.test(npi)) return 'An NPI starts with 1 (a person) or 2 (an organisation)';
  if (!luhnValid(`80840${npi}`)) return 'This NPI’s check digit is wrong: check it for a typo';
  return null;
}

/** "12-3456789" from "12-3456789" or "123456789"; null when it is neither. */
export function normalizeEin(tin: string): string | null {
  const match = /^(\d{2})-?(\d{7})$/.exec(tin.trim());
  return match ? `${match[1]}-${match[2]}` : null;
}

/** Why `tin` is not an EIN, or null when it is. The IRS assigns no EIN with prefix 00. */
export function einProblem(tin: string): string | null {
  const ein = normalizeEin(tin);
  if (!ein) return 'Enter the EIN as NN-NNNNNNN (9 digits)';
  if (ein.startsWith('00')) return 'No EIN starts with 00: check it for a typo';
  return null;
}
