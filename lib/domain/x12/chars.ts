// The reader reads values (amounts, dates, codes, element bounds) from an array of character codes rather than
// from the string: indexing a typed array is several times cheaper than charCodeAt in the hot loops. For ASCII
// input (nearly every 835) the array is the input bytes themselves, one byte per character, so it costs
// nothing; any other text is copied into UTF-16 code units once. Either way chars[i] is text.charCodeAt(i).

export type Chars = Uint8Array | Uint16Array;

export function charsOf(text: string): Uint16Array {
  const chars = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) chars[i] = text.charCodeAt(i);
  return chars;
}
