import type { DomainEvent, Evolver } from './decider';
import { FoldedStreams, LONGEST_STREAM_KEPT, type FoldedStream } from './folded-streams';

type Count = { n: number };
const counter: Evolver<Count, DomainEvent> = { initialState: { n: 0 }, evolve: (s) => ({ n: s.n + 1 }) };
const other: Evolver<Count, DomainEvent> = { initialState: { n: 0 }, evolve: (s) => s };
const folded = (revision: number, evolver = counter): FoldedStream<Count, DomainEvent> => ({
  evolver,
  state: { n: revision + 1 },
  revision,
  lastEventId: `event-${revision}`,
  lastPosition: revision + 1,
  commands: new Map(),
});

describe('FoldedStreams', () => {
  it('gives a stream back only to the evolver that folded it', () => {
    const kept = new FoldedStreams();
    kept.keep('s', folded(3));
    expect(kept.get('s', counter)?.revision).toBe(3);
    expect(kept.get('s', other)).toBeUndefined();
  });

  it('keeps at most its capacity, dropping the stream used least recently', () => {
    const kept = new FoldedStreams(2);
    kept.keep('a', folded(0));
    kept.keep('b', folded(0));
    kept.get('a', counter);
    kept.keep('c', folded(0));
    expect(kept.size).toBe(2);
    expect(kept.get('b', counter)).toBeUndefined();
    expect(kept.get('a', counter)).toBeDefined();
  });

  it('keeps at most its events in all, dropping the streams used least recently', () => {
    const kept = new FoldedStreams(10, 25);
    kept.keep('a', folded(9));
    kept.keep('b', folded(9));
    kept.keep('a', folded(10));
    expect(kept.eventsHeld).toBe(21);
    kept.keep('c', folded(4));
    expect(kept.get('b', counter)).toBeUndefined();
    expect(kept.eventsHeld).toBe(16);
    kept.forget('a');
    kept.forget('a');
    expect(kept.eventsHeld).toBe(5);
  });

  it('does not keep a stream longer than the bound, and forgets what it is told to', () => {
    const kept = new FoldedStreams();
    kept.keep('long', folded(LONGEST_STREAM_KEPT));
    expect(kept.get('long', counter)).toBeUndefined();
    kept.keep('s', folded(1));
    kept.forget('s');
    expect(kept.get('s', counter)).toBeUndefined();
    kept.keep('t', folded(1));
    kept.clear();
    expect(kept.size).toBe(0);
  });
});
