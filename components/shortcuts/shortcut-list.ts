// Every keyboard shortcut, as the `?` overlay lists them. Kept beside the handlers' own lists
// (app/(app)/queue/use-queue-keyboard.ts, app/(app)/denials/[id]/denial-detail.tsx): a key added there is added here.
export interface Shortcut {
  keys: string[];
  does: string;
}

export const SHORTCUT_GROUPS: { title: string; shortcuts: Shortcut[] }[] = [
  {
    title: 'Queue',
    shortcuts: [
      { keys: ['j', '↓'], does: 'Next row' },
      { keys: ['k', '↑'], does: 'Previous row' },
      { keys: ['Enter'], does: 'Open the denial' },
      { keys: ['a'], does: 'Assign to me' },
      { keys: ['f'], does: 'Set a follow-up date' },
      { keys: ['n'], does: 'Add a note' },
      { keys: ['x'], does: 'Select or unselect the row' },
      { keys: ['Esc'], does: 'Clear the selection' },
      { keys: ['/'], does: 'Search by name, claim number or member id' },
    ],
  },
  {
    title: 'Denial page',
    shortcuts: [
      { keys: ['a'], does: 'Assign to me' },
      { keys: ['f'], does: 'Set a follow-up date' },
      { keys: ['n'], does: 'Add a note' },
      { keys: ['s'], does: 'Change the status' },
      { keys: ['w'], does: 'Request a write-off' },
      { keys: ['u'], does: 'Back to the queue' },
    ],
  },
  { title: 'Anywhere', shortcuts: [{ keys: ['?'], does: 'Show these shortcuts' }] },
];
