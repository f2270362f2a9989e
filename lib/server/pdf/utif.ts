import 'server-only';
import * as utifModule from 'utif2';

export type { IFD } from 'utif2';

// UTIF.js sets module.exports at run time, so Node's ESM loader offers only `default`, while bundlers and the
// types offer the functions by name: take whichever holds them.
type Utif = typeof utifModule;
export const UTIF: Utif = (utifModule as unknown as { default?: Utif }).default ?? utifModule;
