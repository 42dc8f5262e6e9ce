import { boundFeed, type CrmFeedItem, type CrmFeedKind, type CrmFeedOutcome } from '../../crm-feed/crm-feed-item';
import { parseFeedDate } from '../../crm-feed/feed-date';
import { contentId } from '../../crm-feed/content-id';
import type { FeedReader } from '../../crm-feed/feed-reader';
import { normaliseSpace, queryAllOf, queryOrNull, textOf } from '../dom-lookup';
import { AMO } from './selectors';
import { AMO_FEED } from './feed-selectors';

/** What one item says, without its time (the day separator and "today" decide that). */
interface Reading {
  id: string;
  kind: CrmFeedKind;
  outcome: CrmFeedOutcome;
  text: string;
  dateText: string;
  author: string | null;
}

const MISSED_CALL =
  /не\s*дозвон|не\s*ответ|нет\s+на\s+месте|занят|недоступ|неверн|сброс|no\s*answer|not\s+answered|busy|unavailable|missed|wrong\s+number|declined/i;
const ZERO_DURATION = /^(?:0+:)?0+:00$|^0+\s*(?:сек|с|s|sec)\.?$/i;
const MEETING_TASK = /встреч|meeting/i;
const CALL_TASK = /звон|связат|call|follow/i;

function kindClass(wrapper: Element): string | null {
  for (const name of wrapper.classList) {
    if (name.startsWith(AMO_FEED.kindClassPrefix)) return name.slice(AMO_FEED.kindClassPrefix.length);
  }
  return null;
}

function authorOf(wrapper: Element): string | null {
  const el = queryOrNull(wrapper, AMO_FEED.author);
  return normaliseSpace(el?.getAttribute('title') || el?.textContent) || null;
}

/** One wrapper → what it says, or null for what is not contact with the client. */
function readItem(wrapper: Element): Reading | null {
  if (AMO_FEED.systemClasses.some((c) => wrapper.classList.contains(c))) return null;
  const kind = kindClass(wrapper);
  const body = textOf(queryOrNull(wrapper, AMO_FEED.body));
  const dateText = textOf(queryOrNull(wrapper, AMO_FEED.date));
  const base = { dateText, author: authorOf(wrapper) };
  let reading: Omit<Reading, 'id'> | null = null;
  if (kind === 'note' || kind === null) {
    // The older markup has no kind class: every plain item there is a note.
    reading = body === '' ? null : { kind: 'note', outcome: 'done', text: body, ...base };
  } else if (kind === 'call_in_out') {
    const status = textOf(queryOrNull(wrapper, AMO_FEED.callStatus));
    const duration = textOf(queryOrNull(wrapper, AMO_FEED.callDuration));
    const missed = MISSED_CALL.test(status) || ZERO_DURATION.test(duration);
    const text = body || textOf(queryOrNull(wrapper, AMO_FEED.callContent)) || status;
    reading = { kind: 'call', outcome: missed ? 'no_answer' : 'reached', text, ...base };
  } else if (kind === 'mail_message') {
    const incoming = wrapper.querySelector(`.${AMO_FEED.incomingClass}`) !== null || wrapper.classList.contains(AMO_FEED.incomingClass);
    const text = textOf(queryOrNull(wrapper, AMO_FEED.mailContent)) || body;
    reading = { kind: 'email', outcome: incoming ? 'reached' : 'sent', text, ...base };
  } else if (kind === 'task') {
    const type = textOf(queryOrNull(wrapper, AMO_FEED.taskType));
    const task = textOf(queryOrNull(wrapper, AMO_FEED.taskText));
    const result = textOf(queryOrNull(wrapper, AMO_FEED.taskResult));
    const text = normaliseSpace([type, task, result].filter((s) => s !== '').join(' — ')) || body;
    // A finished meeting task is a meeting held; a finished call task a call made.
    const as: CrmFeedKind = MEETING_TASK.test(type) ? 'meeting' : CALL_TASK.test(type) ? 'call' : 'note';
    reading = { kind: as, outcome: as === 'note' ? 'done' : 'reached', text, ...base };
  }
  if (reading === null) return null;
  const ownId = wrapper.getAttribute('data-id');
  return { id: ownId ? `amo:${ownId}` : contentId(reading.kind, reading.dateText, reading.text), ...reading };
}

function readOpenTask(task: Element): Reading | null {
  const text = textOf(queryOrNull(task, AMO_FEED.openTaskText));
  if (text === '') return null;
  const dateText = textOf(queryOrNull(task, AMO_FEED.openTaskDate));
  const ownId = task.getAttribute('data-id') ?? task.closest('[data-id]')?.getAttribute('data-id');
  return { id: ownId ? `amo-task:${ownId}` : contentId('task', dateText, text), kind: 'task', outcome: 'planned', text, dateText, author: null };
}

interface Cache {
  list: Element | null;
  tasks: Element | null;
  readings: Map<Element, Reading | null>;
  result: CrmFeedItem[] | null;
}

/**
 * amoCRM's feed reader for one page. Given the nodes changed since its last call it reads
 * again only the items they lie in; changes outside the feed's list (the form, the composer)
 * cost one `contains` per node. Times are worked out on each read (the day separators and
 * "today" decide them), which is arithmetic on what was read.
 */
export function createAmoFeedReader(): FeedReader {
  let cache: Cache = { list: null, tasks: null, readings: new Map(), result: null };
  return (doc, changed, now) => {
    const root = queryOrNull(doc, AMO.feed);
    const list = root ? queryOrNull(root, AMO_FEED.list) : null;
    const tasks = root ? queryOrNull(root, AMO_FEED.openTasks) : null;
    if (list === null && tasks === null) {
      cache = { list: null, tasks: null, readings: new Map(), result: null };
      return null;
    }
    const same = changed !== null && cache.result !== null && cache.list === list && cache.tasks === tasks;
    let dirty: Set<Element> | null = null;
    if (same) {
      dirty = new Set();
      let touched = false;
      for (const node of changed) {
        if (!(list?.contains(node) || tasks?.contains(node))) continue;
        touched = true;
        const el = node instanceof Element ? node : node.parentElement;
        const item = el?.closest(`.${AMO_FEED.itemClass}, ${AMO_FEED.openTask.join(',')}`);
        if (item) dirty.add(item);
      }
      if (!touched && cache.result) return cache.result;
    }
    const readings = new Map<Element, Reading | null>();
    const keep = (el: Element, read: (el: Element) => Reading | null): Reading | null => {
      const reading = dirty !== null && !dirty.has(el) && cache.readings.has(el) ? (cache.readings.get(el) ?? null) : read(el);
      readings.set(el, reading);
      return reading;
    };
    const items: CrmFeedItem[] = [];
    let dayHint: string | null = null;
    for (const child of list ? Array.from(list.children) : []) {
      if (AMO_FEED.dayPoint.some((s) => child.matches(s))) {
        dayHint = child.getAttribute('data-point');
        continue;
      }
      if (!child.classList.contains(AMO_FEED.itemClass)) continue;
      const reading = keep(child, readItem);
      if (reading) items.push(withTime(reading, now, dayHint));
    }
    for (const task of tasks ? queryAllOf(tasks, AMO_FEED.openTask) : []) {
      const reading = keep(task, readOpenTask);
      if (reading) items.push(withTime(reading, now, null));
    }
    const result = boundFeed(items);
    cache = { list, tasks, readings, result };
    return result;
  };
}

function withTime(reading: Reading, now: number, dayHint: string | null): CrmFeedItem {
  return { id: reading.id, kind: reading.kind, outcome: reading.outcome, text: reading.text, at: parseFeedDate(reading.dateText, now, dayHint), author: reading.author };
}
