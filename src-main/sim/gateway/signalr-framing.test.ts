import { describe, expect, it } from 'vitest';
import {
  closeRecord,
  completionErrorRecord,
  completionRecord,
  invocationRecord,
  parseClientMessage,
  parseHandshake,
  RecordReader,
  recordSeparator,
} from './signalr-framing';

describe('RecordReader', () => {
  it('returns every record of a frame that carries several', () => {
    const reader = new RecordReader(1000);

    const records = reader.push(`{"type":6}${recordSeparator}{"type":1,"target":"A","arguments":[]}${recordSeparator}`);

    expect(records).toEqual(['{"type":6}', '{"type":1,"target":"A","arguments":[]}']);
  });

  it('keeps a record cut across frames until its separator arrives', () => {
    const reader = new RecordReader(1000);

    const first = reader.push('{"type":');
    const second = reader.push(`6}${recordSeparator}{"ty`);
    const third = reader.push(`pe":7}${recordSeparator}`);

    expect([first, second, third]).toEqual([[], ['{"type":6}'], ['{"type":7}']]);
  });

  it('refuses a record longer than the limit instead of buffering it', () => {
    const reader = new RecordReader(10);

    const result = reader.push('x'.repeat(11));

    expect(result).toEqual({ type: 'error', reason: 'a record exceeds 10 characters' });
  });
});

describe('parseHandshake', () => {
  it('accepts the JSON protocol, version 1', () => {
    expect(parseHandshake('{"protocol":"json","version":1}')).toEqual({ protocol: 'json', version: 1 });
  });

  it('refuses MessagePack with the server message', () => {
    expect(parseHandshake('{"protocol":"messagepack","version":1}')).toEqual({ type: 'error', reason: "The protocol 'messagepack' is not supported." });
  });

  it('refuses text that is not a JSON object', () => {
    expect(parseHandshake('hello')).toMatchObject({ type: 'error' });
    expect(parseHandshake('[1]')).toMatchObject({ type: 'error' });
  });
});

describe('parseClientMessage', () => {
  it('reads an invocation with its id and arguments', () => {
    expect(parseClientMessage('{"type":1,"invocationId":"3","target":"SubscribeOrders","arguments":[42]}')).toEqual({
      type: 1,
      invocationId: '3',
      target: 'SubscribeOrders',
      arguments: [42],
    });
  });

  it('reads a fire-and-forget invocation without an id', () => {
    expect(parseClientMessage('{"type":1,"target":"SubscribeAccounts","arguments":[]}')).toMatchObject({ type: 1, invocationId: undefined });
  });

  it('reads pings and close messages', () => {
    expect(parseClientMessage('{"type":6}')).toEqual({ type: 6 });
    expect(parseClientMessage('{"type":7}')).toEqual({ type: 7 });
  });

  it('reports malformed messages as errors rather than throwing', () => {
    expect(parseClientMessage('{"type":1,"arguments":[]}')).toMatchObject({ type: 'error' });
    expect(parseClientMessage('{"type":1,"target":"A","arguments":{}}')).toMatchObject({ type: 'error' });
    expect(parseClientMessage('{"type":1,"target":"A","invocationId":5}')).toMatchObject({ type: 'error' });
    expect(parseClientMessage('not json')).toMatchObject({ type: 'error' });
    expect(parseClientMessage('{}')).toMatchObject({ type: 'error' });
  });

  it('passes message types it does not act on as other', () => {
    expect(parseClientMessage('{"type":3,"invocationId":"1","result":0}')).toEqual({ type: 'other' });
  });
});

describe('records the server writes', () => {
  it('end with the record separator and parse back', () => {
    const records = [
      invocationRecord('GatewayQuote', ['CON.F.US.EP.Z26', { lastPrice: 1 }]),
      completionRecord('1', 0),
      completionErrorRecord('2', 'boom'),
      closeRecord('bye', true),
    ];

    const parsed = records.map((record) => {
      expect(record.endsWith(recordSeparator)).toBe(true);
      return JSON.parse(record.slice(0, -1)) as unknown;
    });

    expect(parsed).toEqual([
      { type: 1, target: 'GatewayQuote', arguments: ['CON.F.US.EP.Z26', { lastPrice: 1 }] },
      { type: 3, invocationId: '1', result: 0 },
      { type: 3, invocationId: '2', error: 'boom' },
      { type: 7, error: 'bye', allowReconnect: true },
    ]);
  });
});
