import { describe, expect, it } from 'vitest';
import { envelope, problemDetails, restJson, singlePayload } from './envelope';

describe('envelope', () => {
  it('puts the payload first and derives success from the error code', () => {
    const body = envelope({ orderId: 9056 }, { errorCode: 0, errorMessage: null });

    expect(Object.keys(body)).toEqual(['orderId', 'success', 'errorCode', 'errorMessage']);
    expect(body).toEqual({ orderId: 9056, success: true, errorCode: 0, errorMessage: null });
  });

  it('writes a null payload on a business failure', () => {
    expect(singlePayload('bars', { errorCode: 1, errorMessage: null, value: [] })).toEqual({ bars: null });
    expect(singlePayload('bars', { errorCode: 0, errorMessage: null, value: [] })).toEqual({ bars: [] });
  });

  it('builds RFC 7807 ProblemDetails naming the field', () => {
    expect(problemDetails('filter.accountId', 'Expected number')).toMatchObject({ status: 400, errors: { 'filter.accountId': ['Expected number'] } });
  });
});

describe('restJson', () => {
  it('writes price fields with nine decimals and leaves sizes, ids and strings alone', () => {
    const text = restJson({ id: 3, price: 6335.25, size: 2, averagePrice: -1.5, customTag: 'price', limitPrice: null, v: 12 }, true);

    expect(text).toBe('{"id":3,"price":6335.250000000,"size":2,"averagePrice":-1.500000000,"customTag":"price","limitPrice":null,"v":12}');
    expect(JSON.parse(text)).toEqual({ id: 3, price: 6335.25, size: 2, averagePrice: -1.5, customTag: 'price', limitPrice: null, v: 12 });
  });

  it('writes nested bodies as JSON.stringify does apart from the prices', () => {
    const body = {
      bars: [{ t: '2026-08-19T20:51:00+00:00', o: 1.5, h: 2, l: 1, c: 1.75, v: 3 }],
      nested: { list: [1, undefined, 'a"b'], skipped: undefined, when: new Date(0) },
      success: true,
      errorMessage: null,
    };

    const text = restJson(body, true);

    expect(text).toBe(
      '{"bars":[{"t":"2026-08-19T20:51:00+00:00","o":1.500000000,"h":2.000000000,"l":1.000000000,"c":1.750000000,"v":3}],"nested":{"list":[1,null,"a\\"b"],"when":"1970-01-01T00:00:00.000Z"},"success":true,"errorMessage":null}',
    );
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(body)));
  });

  it('writes plain JSON when nine decimals are off', () => {
    expect(restJson({ price: 6335.25 }, false)).toBe('{"price":6335.25}');
  });
});
