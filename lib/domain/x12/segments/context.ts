import type { X12Warning } from '../issues';

/** What a segment reader may do besides returning data: report warnings, some only once per transaction. */
export interface ReadContext {
  warn(warning: X12Warning): void;
  /** True the first time `key` is seen in the current transaction. */
  firstTime(key: string): boolean;
}
