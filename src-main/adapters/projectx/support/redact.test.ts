import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact';

describe('secret redaction', () => {
  it('removes access_token values, bearer values and given secrets', () => {
    const text = 'WebSocket connected to ws://127.0.0.1:5000/hubs/user?access_token=eyJabc.def.ghi&x=1 with Bearer eyJabc.def.ghi and key api-key-123456';

    const clean = redactSecrets(text, ['api-key-123456']);

    expect(clean).toBe('WebSocket connected to ws://127.0.0.1:5000/hubs/user?access_token=[redacted]&x=1 with Bearer [redacted] and key [redacted]');
  });
});
