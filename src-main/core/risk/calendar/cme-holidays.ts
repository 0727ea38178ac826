/**
 * CME Globex holiday sessions for 2026 and 2027 by product group, transcribed from the project's
 * reference data (shared/data/cme-holidays.json; read its README for sources and doubts). Times are
 * America/Chicago wall-clock. `closed`: no trading from `closedFrom` to `resume`; `early-halt`:
 * trading stops at `halt` on `date` and resumes at `resume`. Entries with `confirmed: false` are
 * inferred (no published 2027 schedule yet): recheck them when CME publishes its hours.
 */

/** The product groups the calendar knows. */
export type HolidayGroup = 'equity' | 'energy' | 'metals';

/** One group's session on a holiday. */
export type HolidaySession =
  | { readonly status: 'closed'; readonly closedFrom: string; readonly resume: string }
  | { readonly status: 'early-halt'; readonly halt: string; readonly resume: string };

/** One holiday or special day. */
export interface HolidayDay {
  readonly date: string;
  readonly name: string;
  readonly confirmed: boolean;
  readonly sessions: Readonly<Record<HolidayGroup, HolidaySession>>;
}

/** The exchange's time zone for every time below. */
export const holidayTimeZone = 'America/Chicago';

/** The regular Globex week the holidays are exceptions to: Sun-Fri 17:00-16:00 with a daily 16:00-17:00 halt. */
export const regularGlobexSession = { open: '17:00', close: '16:00' } as const;

/** 2026-2027, in date order. */
export const cmeHolidays: readonly HolidayDay[] = [
  {
    date: '2026-01-01',
    name: "New Year's Day",
    confirmed: true,
    sessions: {
      equity: { status: 'closed', closedFrom: '2025-12-31T16:00', resume: '2026-01-01T17:00' },
      energy: { status: 'closed', closedFrom: '2025-12-31T16:00', resume: '2026-01-01T17:00' },
      metals: { status: 'closed', closedFrom: '2025-12-31T16:00', resume: '2026-01-01T17:00' },
    },
  },
  {
    date: '2026-01-19',
    name: 'Martin Luther King Jr. Day',
    confirmed: true,
    sessions: {
      equity: { status: 'early-halt', halt: '12:00', resume: '2026-01-19T17:00' },
      energy: { status: 'early-halt', halt: '13:30', resume: '2026-01-19T17:00' },
      metals: { status: 'early-halt', halt: '13:30', resume: '2026-01-19T17:00' },
    },
  },
  {
    date: '2026-02-16',
    name: "Presidents Day (Washington's Birthday)",
    confirmed: true,
    sessions: {
      equity: { status: 'early-halt', halt: '12:00', resume: '2026-02-16T17:00' },
      energy: { status: 'early-halt', halt: '13:30', resume: '2026-02-16T17:00' },
      metals: { status: 'early-halt', halt: '13:30', resume: '2026-02-16T17:00' },
    },
  },
  {
    date: '2026-04-03',
    name: 'Good Friday',
    confirmed: true,
    sessions: {
      equity: { status: 'early-halt', halt: '08:15', resume: '2026-04-05T17:00' },
      energy: { status: 'closed', closedFrom: '2026-04-02T16:00', resume: '2026-04-05T17:00' },
      metals: { status: 'closed', closedFrom: '2026-04-02T16:00', resume: '2026-04-05T17:00' },
    },
  },
  {
    date: '2026-05-25',
    name: 'Memorial Day',
    confirmed: true,
    sessions: {
      equity: { status: 'early-halt', halt: '12:00', resume: '2026-05-25T17:00' },
      energy: { status: 'early-halt', halt: '13:30', resume: '2026-05-25T17:00' },
      metals: { status: 'early-halt', halt: '13:30', resume: '2026-05-25T17:00' },
    },
  },
  {
    date: '2026-06-19',
    name: 'Juneteenth',
    confirmed: true,
    sessions: {
      equity: { status: 'early-halt', halt: '12:00', resume: '2026-06-21T17:00' },
      energy: { status: 'early-halt', halt: '12:00', resume: '2026-06-21T17:00' },
      metals: { status: 'early-halt', halt: '12:00', resume: '2026-06-21T17:00' },
    },
  },
  {
    date: '2026-07-03',
    name: 'Independence Day (observed; July 4, 2026 is a Saturday)',
    confirmed: true,
    sessions: {
      equity: { status: 'early-halt', halt: '12:00', resume: '2026-07-05T17:00' },
      energy: { status: 'early-halt', halt: '12:00', resume: '2026-07-05T17:00' },
      metals: { status: 'early-halt', halt: '12:00', resume: '2026-07-05T17:00' },
    },
  },
  {
    date: '2026-09-07',
    name: 'Labor Day',
    confirmed: true,
    sessions: {
      equity: { status: 'early-halt', halt: '12:00', resume: '2026-09-07T17:00' },
      energy: { status: 'early-halt', halt: '13:30', resume: '2026-09-07T17:00' },
      metals: { status: 'early-halt', halt: '13:30', resume: '2026-09-07T17:00' },
    },
  },
  {
    date: '2026-11-26',
    name: 'Thanksgiving Day',
    confirmed: true,
    sessions: {
      equity: { status: 'early-halt', halt: '12:00', resume: '2026-11-26T17:00' },
      energy: { status: 'early-halt', halt: '13:30', resume: '2026-11-26T17:00' },
      metals: { status: 'early-halt', halt: '13:30', resume: '2026-11-26T17:00' },
    },
  },
  {
    date: '2026-11-27',
    name: 'Day after Thanksgiving (early close)',
    confirmed: true,
    sessions: {
      equity: { status: 'early-halt', halt: '12:15', resume: '2026-11-29T17:00' },
      energy: { status: 'early-halt', halt: '13:45', resume: '2026-11-29T17:00' },
      metals: { status: 'early-halt', halt: '13:45', resume: '2026-11-29T17:00' },
    },
  },
  {
    date: '2026-12-24',
    name: 'Christmas Eve (early close)',
    confirmed: true,
    sessions: {
      equity: { status: 'early-halt', halt: '12:15', resume: '2026-12-27T17:00' },
      energy: { status: 'early-halt', halt: '12:45', resume: '2026-12-27T17:00' },
      metals: { status: 'early-halt', halt: '12:45', resume: '2026-12-27T17:00' },
    },
  },
  {
    date: '2026-12-25',
    name: 'Christmas Day',
    confirmed: true,
    sessions: {
      equity: { status: 'closed', closedFrom: '2026-12-24T12:15', resume: '2026-12-27T17:00' },
      energy: { status: 'closed', closedFrom: '2026-12-24T12:45', resume: '2026-12-27T17:00' },
      metals: { status: 'closed', closedFrom: '2026-12-24T12:45', resume: '2026-12-27T17:00' },
    },
  },
  {
    date: '2026-12-31',
    name: "New Year's Eve",
    confirmed: true,
    sessions: {
      equity: { status: 'early-halt', halt: '16:00', resume: '2027-01-03T17:00' },
      energy: { status: 'early-halt', halt: '16:00', resume: '2027-01-03T17:00' },
      metals: { status: 'early-halt', halt: '16:00', resume: '2027-01-03T17:00' },
    },
  },
  {
    date: '2027-01-01',
    name: "New Year's Day",
    confirmed: true,
    sessions: {
      equity: { status: 'closed', closedFrom: '2026-12-31T16:00', resume: '2027-01-03T17:00' },
      energy: { status: 'closed', closedFrom: '2026-12-31T16:00', resume: '2027-01-03T17:00' },
      metals: { status: 'closed', closedFrom: '2026-12-31T16:00', resume: '2027-01-03T17:00' },
    },
  },
  {
    date: '2027-01-18',
    name: 'Martin Luther King Jr. Day',
    confirmed: false,
    sessions: {
      equity: { status: 'early-halt', halt: '12:00', resume: '2027-01-18T17:00' },
      energy: { status: 'early-halt', halt: '13:30', resume: '2027-01-18T17:00' },
      metals: { status: 'early-halt', halt: '13:30', resume: '2027-01-18T17:00' },
    },
  },
  {
    date: '2027-02-15',
    name: "Presidents Day (Washington's Birthday)",
    confirmed: false,
    sessions: {
      equity: { status: 'early-halt', halt: '12:00', resume: '2027-02-15T17:00' },
      energy: { status: 'early-halt', halt: '13:30', resume: '2027-02-15T17:00' },
      metals: { status: 'early-halt', halt: '13:30', resume: '2027-02-15T17:00' },
    },
  },
  {
    date: '2027-03-26',
    name: 'Good Friday',
    confirmed: false,
    sessions: {
      equity: { status: 'closed', closedFrom: '2027-03-25T16:00', resume: '2027-03-28T17:00' },
      energy: { status: 'closed', closedFrom: '2027-03-25T16:00', resume: '2027-03-28T17:00' },
      metals: { status: 'closed', closedFrom: '2027-03-25T16:00', resume: '2027-03-28T17:00' },
    },
  },
  {
    date: '2027-05-31',
    name: 'Memorial Day',
    confirmed: false,
    sessions: {
      equity: { status: 'early-halt', halt: '12:00', resume: '2027-05-31T17:00' },
      energy: { status: 'early-halt', halt: '13:30', resume: '2027-05-31T17:00' },
      metals: { status: 'early-halt', halt: '13:30', resume: '2027-05-31T17:00' },
    },
  },
  {
    date: '2027-06-18',
    name: 'Juneteenth (observed; June 19, 2027 is a Saturday)',
    confirmed: false,
    sessions: {
      equity: { status: 'early-halt', halt: '12:00', resume: '2027-06-20T17:00' },
      energy: { status: 'early-halt', halt: '12:00', resume: '2027-06-20T17:00' },
      metals: { status: 'early-halt', halt: '12:00', resume: '2027-06-20T17:00' },
    },
  },
  {
    date: '2027-07-05',
    name: 'Independence Day (observed; July 4, 2027 is a Sunday)',
    confirmed: false,
    sessions: {
      equity: { status: 'early-halt', halt: '12:00', resume: '2027-07-05T17:00' },
      energy: { status: 'early-halt', halt: '13:30', resume: '2027-07-05T17:00' },
      metals: { status: 'early-halt', halt: '13:30', resume: '2027-07-05T17:00' },
    },
  },
  {
    date: '2027-09-06',
    name: 'Labor Day',
    confirmed: false,
    sessions: {
      equity: { status: 'early-halt', halt: '12:00', resume: '2027-09-06T17:00' },
      energy: { status: 'early-halt', halt: '13:30', resume: '2027-09-06T17:00' },
      metals: { status: 'early-halt', halt: '13:30', resume: '2027-09-06T17:00' },
    },
  },
  {
    date: '2027-11-25',
    name: 'Thanksgiving Day',
    confirmed: false,
    sessions: {
      equity: { status: 'early-halt', halt: '12:00', resume: '2027-11-25T17:00' },
      energy: { status: 'early-halt', halt: '13:30', resume: '2027-11-25T17:00' },
      metals: { status: 'early-halt', halt: '13:30', resume: '2027-11-25T17:00' },
    },
  },
  {
    date: '2027-11-26',
    name: 'Day after Thanksgiving (early close)',
    confirmed: false,
    sessions: {
      equity: { status: 'early-halt', halt: '12:15', resume: '2027-11-28T17:00' },
      energy: { status: 'early-halt', halt: '13:45', resume: '2027-11-28T17:00' },
      metals: { status: 'early-halt', halt: '13:45', resume: '2027-11-28T17:00' },
    },
  },
  {
    date: '2027-12-24',
    name: 'Christmas Day (observed; December 25, 2027 is a Saturday)',
    confirmed: false,
    sessions: {
      equity: { status: 'closed', closedFrom: '2027-12-23T16:00', resume: '2027-12-26T17:00' },
      energy: { status: 'closed', closedFrom: '2027-12-23T16:00', resume: '2027-12-26T17:00' },
      metals: { status: 'closed', closedFrom: '2027-12-23T16:00', resume: '2027-12-26T17:00' },
    },
  },
];
