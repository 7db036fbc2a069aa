import type { DomainEvent, Evolver } from './decider';
import { FoldedStreams, LARGEST_STREAM_KEPT, foldedBytes, type FoldedStream } from './folded-streams';

type Count = { n: number };
const counter: Evolver<Count, DomainEvent> = { initialState: { n: 0 }, evolve: (s) => ({ n: s.n + 1 }) };
const other: Evolver<Count, DomainEvent> = { initialState: { n: 0 }, evolve: (s) => s };
const folded = (revision: number, bytes = 100): FoldedStream<Count, DomainEvent> => ({
  evolver: counter,
  state: { n: revision + 1 },
  revision,
  lastEventId: `event-${revision}`,
  lastEvent: '["Noted",{}]',
  lastPosition: revision + 1,
  commands: new Map(),
  bytes,
});

describe('FoldedStreams', () => {
  it('gives a stream back only to the evolver that folded it', () => {
    const kept = new FoldedStreams();
    kept.keep('s', folded(3));
    expect(kept.get('s', counter)?.revision).toBe(3);
    expect(kept.get('s', other)).toBeUndefined();
  });

  it('keeps at most its count of streams, dropping the stream used least recently', () => {
    const kept = new FoldedStreams(2);
    kept.keep('a', folded(0));
    kept.keep('b', folded(0));
    kept.get('a', counter);
    kept.keep('c', folded(0));
    expect(kept.size).toBe(2);
    expect(kept.get('b', counter)).toBeUndefined();
    expect(kept.get('a', counter)).toBeDefined();
  });

  it('keeps at most its weight in all, dropping the streams used least recently', () => {
    const kept = new FoldedStreams(10, 2_500);
    kept.keep('a', folded(9, 1_000));
    kept.keep('b', folded(9, 1_000));
    kept.keep('a', folded(10, 1_100));
    expect(kept.bytesHeld).toBe(2_100);
    kept.keep('c', folded(4, 500));
    expect(kept.get('b', counter)).toBeUndefined();
    expect(kept.bytesHeld).toBe(1_600);
    kept.forget('a');
    kept.forget('a');
    expect(kept.bytesHeld).toBe(500);
  });

  it('does not keep a stream heavier than its share, and forgets what it is told to', () => {
    const kept = new FoldedStreams();
    kept.keep('large', folded(1, LARGEST_STREAM_KEPT + 1));
    expect(kept.get('large', counter)).toBeUndefined();
    kept.keep('s', folded(1));
    kept.forget('s');
    expect(kept.get('s', counter)).toBeUndefined();
    kept.keep('t', folded(1));
    kept.clear();
    expect(kept.size).toBe(0);
    expect(kept.bytesHeld).toBe(0);
  });

  it('weighs an event by its JSON and a fixed share', () => {
    expect(foldedBytes('{"a":1}') - foldedBytes('{}')).toBe(5);
  });
});
