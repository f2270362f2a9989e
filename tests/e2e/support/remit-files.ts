// Small, balanced remittances and CSV exports with claim ids unique to each run, so an upload is never
// refused as a duplicate of an earlier run's file.

export function uniqueTag(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
}

export interface Remit835 {
  text: string;
  /** Patient control numbers of the claims the payer denied (CLP02 = 4; CO-197 on a line). */
  deniedClaims: string[];
  paidClaim: string;
}

/**
 * One ISA/GS/ST with three claims: a full denial (CLP02 = 4, CO-50 medical necessity), a partial denial
 * (CO-197 authorization absent on its line) and a paid claim with only CO-45 (an expected adjustment).
 * Every claim balances (billed − paid = Σ CAS) and BPR02 = Σ CLP04.
 */
export function remit835(tag: string, options: { unbalanced?: boolean } = {}): Remit835 {
  const a = `E2E${tag}A`;
  const b = `E2E${tag}B`;
  const c = `E2E${tag}C`;
  const control = String(Math.floor(Math.random() * 1e9)).padStart(9, '0');
  const body = [
    'ST*835*0001',
    // Unbalanced: BPR02 one dollar short of Σ CLP04, which is imported with a payment-imbalance warning.
    `BPR*I*${options.unbalanced ? '199.00' : '200.00'}*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20250105`,
    `TRN*1*TR${tag}*1512345678`,
    'DTM*405*20250103',
    'N1*PR*E2E TEST HEALTH PLAN',
    'N3*1 PAYER WAY',
    'N4*SPRINGFIELD*IL*62701',
    'REF*2U*E2EPAYER01',
    'N1*PE*E2E CLINIC*XX*1234567893',
    'LX*1',
    `CLP*${a}*4*200.00*0*0*12*PCN${tag}A`,
    'NM1*QC*1*DOE*JANE****MI*M0001',
    'DTM*050*20241215',
    'SVC*HC:99213*200.00*0**1',
    'DTM*472*20241201',
    'CAS*CO*50*200.00',
    `CLP*${b}*1*300.00*100.00*0*12*PCN${tag}B`,
    'NM1*QC*1*ROE*RICHARD****MI*M0002',
    'SVC*HC:99214*300.00*100.00**1',
    'DTM*472*20241202',
    'CAS*CO*197*200.00',
    `CLP*${c}*1*150.00*100.00*0*12*PCN${tag}C`,
    'NM1*QC*1*POE*EDGAR****MI*M0003',
    'SVC*HC:99212*150.00*100.00**1',
    'DTM*472*20241203',
    'CAS*CO*45*50.00',
  ];
  const segments = [
    `ISA*00*          *00*          *ZZ*E2ESENDER      *ZZ*E2ERECEIVER    *250105*1200*^*00501*${control}*0*P*:`,
    'GS*HP*E2ESENDER*E2ERECEIVER*20250105*1200*1*X*005010X221A1',
    ...body,
    `SE*${body.length + 1}*0001`,
    'GE*1*1',
    `IEA*1*${control}`,
  ];
  return { text: `${segments.join('~\n')}~\n`, deniedClaims: [a, b], paidClaim: c };
}

/** A clearinghouse-style export whose headers do not match the field names, with two bad rows (lines 3 and 5). */
export function denialsCsv(tag: string): { text: string; goodClaims: string[]; badLines: number[] } {
  const good = [`CSV${tag}1`, `CSV${tag}2`, `CSV${tag}3`];
  const rows = [
    'Account #,Insurance,Payer Ref,Charge,Payment,Reason,Remark,Adj Group,DOS',
    `${good[0]},E2E CSV PLAN,E2ECSV01,250.00,0.00,50,,CO,2024-12-01`,
    `CSV${tag}X,E2E CSV PLAN,E2ECSV01,175.00,0.00,,,CO,2024-12-02`,
    `${good[1]},E2E CSV PLAN,E2ECSV01,120.00,20.00,197,N54,CO,2024-12-03`,
    `CSV${tag}Y,E2E CSV PLAN,E2ECSV01,lots,0.00,16,M53,CO,2024-12-04`,
    `${good[2]},E2E CSV PLAN,E2ECSV01,90.00,0.00,29,,CO,2024-12-05`,
  ];
  return { text: `${rows.join('\n')}\n`, goodClaims: good, badLines: [3, 5] };
}

/**
 * A later remittance from the same payer (REF*2U = its identifier) that pays one claim in full: the claim is
 * found again by payer, patient control number and payer claim number, so ingest records the recovery.
 */
export function payment835(claim: { payerIdentifier: string; patientControlNumber: string; payerClaimNumber: string; cents: number }): string {
  const amount = (claim.cents / 100).toFixed(2);
  const control = String(Math.floor(Math.random() * 1e9)).padStart(9, '0');
  const today = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  const body = [
    'ST*835*0001',
    `BPR*I*${amount}*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*${today}`,
    `TRN*1*PAY${control}*1512345678`,
    `DTM*405*${today}`,
    'N1*PR*E2E PAYING PLAN',
    `REF*2U*${claim.payerIdentifier}`,
    'N1*PE*E2E CLINIC*XX*1234567893',
    'LX*1',
    `CLP*${claim.patientControlNumber}*1*${amount}*${amount}*0*12*${claim.payerClaimNumber}`,
    'NM1*QC*1*DOE*JANE****MI*M0001',
    `SVC*HC:99214*${amount}*${amount}**1`,
  ];
  const segments = [
    `ISA*00*          *00*          *ZZ*E2ESENDER      *ZZ*E2ERECEIVER    *${today.slice(2)}*1200*^*00501*${control}*0*P*:`,
    `GS*HP*E2ESENDER*E2ERECEIVER*${today}*1200*1*X*005010X221A1`,
    ...body,
    `SE*${body.length + 1}*0001`,
    'GE*1*1',
    `IEA*1*${control}`,
  ];
  return `${segments.join('~\n')}~\n`;
}
