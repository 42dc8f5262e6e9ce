/** One server-sent event: its name (`message` when unnamed) and its data lines joined. */
export interface SseEvent {
  event: string;
  data: string;
}

/**
 * An incremental reader of a text/event-stream: feed it chunks as they arrive, get the events
 * completed so far. Comments (`: ping`) and `retry:`/`id:` lines are skipped; a chunk may end
 * mid-line or mid-event, and is kept until the rest comes. A line is capped, so a broken
 * server cannot grow the buffer without bound.
 */
export function sseReader(maxBuffered = 1_000_000): (chunk: string) => SseEvent[] {
  let buffer = '';
  let event = 'message';
  let data: string[] = [];
  return (chunk) => {
    buffer += chunk;
    const out: SseEvent[] = [];
    let newline: number;
    while ((newline = buffer.search(/\r\n|\n|\r/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (data.length > 0) out.push({ event, data: data.join('\n') });
        event = 'message';
        data = [];
      } else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      else if (line.startsWith('event:')) event = line.slice(6).trim();
    }
    if (buffer.length > maxBuffered) buffer = '';
    return out;
  };
}
