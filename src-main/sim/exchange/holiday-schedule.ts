/**
 * CME Globex holiday exceptions for 2026-2027, transcribed from shared/data/cme-holidays.json.
 * Times are America/Chicago wall-clock times. Outside these dates only the regular week applies.
 */

/** The product groups the holiday file distinguishes. */
export type HolidayGroup = 'equity' | 'energy' | 'metals';

/** How one group trades around a holiday. */
export type HolidayRule =
  /** Trading stops at `halt` (HH:MM) on the holiday's date and restarts at `resume`. */
  | { readonly status: 'early_halt'; readonly halt: string; readonly resume: string }
  /** No trading from `closedFrom` until `resume` (local date-times without offset). */
  | { readonly status: 'closed'; readonly closedFrom: string; readonly resume: string };

/** One holiday or special day. */
export interface HolidayDay {
  readonly date: string;
  readonly name: string;
  readonly rules: Readonly<Record<HolidayGroup, HolidayRule>>;
  /** False when the hours are inferred rather than published (all of 2027 but New Year's Day). */
  readonly confirmed: boolean;
}

function halt(time: string, resume: string): HolidayRule {
  return { status: 'early_halt', halt: time, resume };
}

function closed(closedFrom: string, resume: string): HolidayRule {
  return { status: 'closed', closedFrom, resume };
}

function day(date: string, name: string, equity: HolidayRule, energy: HolidayRule, metals: HolidayRule, confirmed: boolean): HolidayDay {
  return { date, name, rules: { equity, energy, metals }, confirmed };
}

/** Every exception in the file, in date order. */
export const cmeHolidays: readonly HolidayDay[] = [
  day('2026-01-01', "New Year's Day", closed('2025-12-31T16:00', '2026-01-01T17:00'), closed('2025-12-31T16:00', '2026-01-01T17:00'), closed('2025-12-31T16:00', '2026-01-01T17:00'), true),
  day('2026-01-19', 'Martin Luther King Jr. Day', halt('12:00', '2026-01-19T17:00'), halt('13:30', '2026-01-19T17:00'), halt('13:30', '2026-01-19T17:00'), true),
  day('2026-02-16', "Presidents Day (Washington's Birthday)", halt('12:00', '2026-02-16T17:00'), halt('13:30', '2026-02-16T17:00'), halt('13:30', '2026-02-16T17:00'), true),
  day('2026-04-03', 'Good Friday', halt('08:15', '2026-04-05T17:00'), closed('2026-04-02T16:00', '2026-04-05T17:00'), closed('2026-04-02T16:00', '2026-04-05T17:00'), true),
  day('2026-05-25', 'Memorial Day', halt('12:00', '2026-05-25T17:00'), halt('13:30', '2026-05-25T17:00'), halt('13:30', '2026-05-25T17:00'), true),
  day('2026-06-19', 'Juneteenth', halt('12:00', '2026-06-21T17:00'), halt('12:00', '2026-06-21T17:00'), halt('12:00', '2026-06-21T17:00'), true),
  day('2026-07-03', 'Independence Day (observed; July 4, 2026 is a Saturday)', halt('12:00', '2026-07-05T17:00'), halt('12:00', '2026-07-05T17:00'), halt('12:00', '2026-07-05T17:00'), true),
  day('2026-09-07', 'Labor Day', halt('12:00', '2026-09-07T17:00'), halt('13:30', '2026-09-07T17:00'), halt('13:30', '2026-09-07T17:00'), true),
  day('2026-11-26', 'Thanksgiving Day', halt('12:00', '2026-11-26T17:00'), halt('13:30', '2026-11-26T17:00'), halt('13:30', '2026-11-26T17:00'), true),
  day('2026-11-27', 'Day after Thanksgiving (early close)', halt('12:15', '2026-11-29T17:00'), halt('13:45', '2026-11-29T17:00'), halt('13:45', '2026-11-29T17:00'), true),
  day('2026-12-24', 'Christmas Eve (early close)', halt('12:15', '2026-12-27T17:00'), halt('12:45', '2026-12-27T17:00'), halt('12:45', '2026-12-27T17:00'), true),
  day('2026-12-25', 'Christmas Day', closed('2026-12-24T12:15', '2026-12-27T17:00'), closed('2026-12-24T12:45', '2026-12-27T17:00'), closed('2026-12-24T12:45', '2026-12-27T17:00'), true),
  day('2026-12-31', "New Year's Eve", halt('16:00', '2027-01-03T17:00'), halt('16:00', '2027-01-03T17:00'), halt('16:00', '2027-01-03T17:00'), true),
  day('2027-01-01', "New Year's Day", closed('2026-12-31T16:00', '2027-01-03T17:00'), closed('2026-12-31T16:00', '2027-01-03T17:00'), closed('2026-12-31T16:00', '2027-01-03T17:00'), true),
  day('2027-01-18', 'Martin Luther King Jr. Day', halt('12:00', '2027-01-18T17:00'), halt('13:30', '2027-01-18T17:00'), halt('13:30', '2027-01-18T17:00'), false),
  day('2027-02-15', "Presidents Day (Washington's Birthday)", halt('12:00', '2027-02-15T17:00'), halt('13:30', '2027-02-15T17:00'), halt('13:30', '2027-02-15T17:00'), false),
  day('2027-03-26', 'Good Friday', closed('2027-03-25T16:00', '2027-03-28T17:00'), closed('2027-03-25T16:00', '2027-03-28T17:00'), closed('2027-03-25T16:00', '2027-03-28T17:00'), false),
  day('2027-05-31', 'Memorial Day', halt('12:00', '2027-05-31T17:00'), halt('13:30', '2027-05-31T17:00'), halt('13:30', '2027-05-31T17:00'), false),
  day('2027-06-18', 'Juneteenth (observed; June 19, 2027 is a Saturday)', halt('12:00', '2027-06-20T17:00'), halt('12:00', '2027-06-20T17:00'), halt('12:00', '2027-06-20T17:00'), false),
  day('2027-07-05', 'Independence Day (observed; July 4, 2027 is a Sunday)', halt('12:00', '2027-07-05T17:00'), halt('13:30', '2027-07-05T17:00'), halt('13:30', '2027-07-05T17:00'), false),
  day('2027-09-06', 'Labor Day', halt('12:00', '2027-09-06T17:00'), halt('13:30', '2027-09-06T17:00'), halt('13:30', '2027-09-06T17:00'), false),
  day('2027-11-25', 'Thanksgiving Day', halt('12:00', '2027-11-25T17:00'), halt('13:30', '2027-11-25T17:00'), halt('13:30', '2027-11-25T17:00'), false),
  day('2027-11-26', 'Day after Thanksgiving (early close)', halt('12:15', '2027-11-28T17:00'), halt('13:45', '2027-11-28T17:00'), halt('13:45', '2027-11-28T17:00'), false),
  day('2027-12-24', 'Christmas Day (observed; December 25, 2027 is a Saturday)', closed('2027-12-23T16:00', '2027-12-26T17:00'), closed('2027-12-23T16:00', '2027-12-26T17:00'), closed('2027-12-23T16:00', '2027-12-26T17:00'), false),
];
