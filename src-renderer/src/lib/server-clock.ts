import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { callOrThrow, useLinkState, useTerminalApi } from '../bridge/bridge-context';
import { connectionKeys } from './queries/query-keys';

/**
 * The terminal's clock as seen from the page. Lock deadlines and bar times are on the core's
 * clock (which a test or a replay may start elsewhere), so countdowns use its offset from this
 * machine's clock, measured once per link with a ping.
 */
export function useServerOffset(): number {
  const api = useTerminalApi();
  const link = useLinkState();
  const offset = useQuery({
    queryKey: [...connectionKeys.all, 'clock-offset'],
    queryFn: async () => {
      const sent = Date.now();
      const pong = await callOrThrow(api, 'app.ping', { nonce: 'clock' });
      const received = Date.now();
      return pong.time - (sent + received) / 2;
    },
    enabled: link === 'live',
  });
  return offset.data ?? 0;
}

/** The terminal's time now, re-rendering every `everyMs`. */
export function useServerNow(everyMs = 1000): number {
  const offset = useServerOffset();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now + offset;
}
