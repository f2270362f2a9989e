// A saved queue view as the browser lists it (GET /api/saved-views) and a save returns it.

export interface SavedViewDto {
  id: string;
  name: string;
  /** The queue's URL search string, e.g. "view=team&payer=…&sort=deadline". */
  query: string;
}
