/**
 * amoCRM/Kommo selectors of the card's event feed and its note composer. Markup of the
 * compiled Twig templates interface/notes/* in the Kommo and amoCRM.ru bundles (2025-07 and
 * 2025-11) and a live amoCRM.ru DOM report (2026-09); see /work/shared/research/crm-feed.md §1.
 * [src] vendor template, [live] seen on a live account, [demo] the older demo markup.
 */
export const AMO_FEED = {
  /** The list of feed items, oldest on top. */
  list: [
    '.js-notes', // [src][live] div.notes-wrapper__notes.js-notes
    '.notes-wrapper__notes', // [src] same element, by its BEM class
    '.feed-notes', // [demo] the demo site's and the 2025-11 fixtures' simpler list
  ],
  /** One feed item: div.feed-note-wrapper.feed-note-wrapper-<kind>[data-id]. */
  itemClass: 'feed-note-wrapper', // [src][live]
  /** feed-note-wrapper-<kind>: note, call_in_out, mail_message, task, amojo, lead_created, … */
  kindClassPrefix: 'feed-note-wrapper-', // [src][live]
  /** System events (stage changes, field changes, tags): not contact with the client. */
  systemClasses: ['feed-note-wrapper_system', 'feed-note-wrapper_created', 'feed-note-wrapper_grouped'], // [src][demo]
  /** Day separator above the items of one day, data-point="<dd.mm.yyyy or month>". */
  dayPoint: ['.js-notes-timeline-point'], // [src]
  /** The item's time text: "Сегодня 14:05", "Вчера 09:12", a date. */
  date: ['.js-feed-note__date', '.feed-note__date'], // [src]
  /** The author chip (title = name) or, in the older markup, the name as text. */
  author: ['.feed-note__responsible [title]', '.feed-note__amojo-user', '.feed-note__author'], // [src][demo]
  body: ['.feed-note__body'], // [src]
  /** An incoming item (a letter from the client). */
  incomingClass: 'feed-note-incoming', // [src]
  callStatus: ['.feed-note__call-status'], // [src]
  callDuration: ['.feed-note__call-duration'], // [src]
  callContent: ['.feed-note__call-content'], // [src]
  mailContent: ['.feed-note__mail-content-summary', '.feed-note__mail-content'], // [src]
  taskType: ['.feed-note__task-type-name'], // [src] completed task
  taskText: ['.feed-note__task-text'], // [src]
  taskResult: ['.feed-note__task-result'], // [src]
  /** Open (future) tasks, a sticky block under the list. */
  openTasks: ['.notes-wrapper__tasks .js-tasks', '.js-tasks'], // [src]
  openTask: ['.card-task'], // [src] cards/tasks/view
  openTaskDate: ['.card-task__date'], // [src]
  openTaskText: ['.card-task__inner-content'], // [src]
  /** The bottom composer: its type switch and the note form (a contenteditable, not a textarea). */
  composer: ['.feed-compose'], // [src]
  composerMinimizedClass: 'minimized', // [src] div.feed-compose.minimized
  composerOpen: ['.feed-compose__before', '.feed-compose-switcher'], // [3p] opens a minimized composer
  switchToNote: ['.js-switcher-note', '.feed-compose-switcher__tip [data-id="note"]'], // [src][3p]
  noteArea: ['.feed-compose__message[contenteditable="true"]', '.control-contenteditable__area[contenteditable="true"]'], // [src]
} as const;
