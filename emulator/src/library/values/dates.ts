// System.Date, System.Datetime and System.Time: the Apex classes of the date and time primitives, bound to
// emulator/src/values (Date.ts, Datetime.ts, Time.ts). Methods that read local time use the running user's time zone
// and locale (User.TimeZoneSidKey / LocaleSidKey); today() and now() read the org's clock.
//
// Apex Reference pages (developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/):
// - "Date Class" (apex_methods_system_date.htm): addDays, addMonths, addYears, day, dayOfYear, daysBetween,
//   daysInMonth (static), format, isLeapYear (static), isSameDay, month, monthsBetween, newInstance (static), parse
//   (static), today (static), toStartOfMonth, toStartOfWeek, valueOf(stringDate) and valueOf(fieldValue) (static),
//   year.
// - "Datetime Class" (apex_methods_system_datetime.htm): addDays, addHours, addMinutes, addMonths, addSeconds,
//   addYears, date, dateGmt, day, dayGmt, dayOfYear, dayOfYearGmt, format(), format(dateFormatString),
//   format(dateFormatString, timezone), formatGmt, formatLong, getTime, hour, hourGmt, isSameDay, millisecond,
//   millisecondGmt, minute, minuteGmt, month, monthGmt, newInstance(milliseconds), newInstance(date, time),
//   newInstance(year, month, day), newInstance(year, month, day, hour, minute, second), newInstanceGmt(date, time),
//   newInstanceGmt(year, month, date), newInstanceGmt(year, month, date, hour, minute, second), now, parse, second,
//   secondGmt, time, timeGmt, valueOf(dateTimeString), valueOf(fieldValue), valueOfGmt, year, yearGmt.
// - "Time Class" (apex_methods_system_time.htm): addHours, addMilliseconds, addMinutes, addSeconds, hour,
//   millisecond, minute, newInstance (static), second.
import { EmulatorUnsupportedError } from '../../errors';
import type { NativeMethod } from '../../runtime/classes';
import type { Program } from '../../runtime/program';
import type { Txn } from '../../runtime/transaction';
import type { Value } from '../../runtime/values';
import { ApexDate } from '../../values/Date';
import { ApexDatetime } from '../../values/Datetime';
import { ApexId } from '../../values/Id';
import { ApexTime } from '../../values/Time';
import { defineBuiltin, nullArgument } from '../define';
import {
  arity,
  dateParam,
  datetimeParam,
  intParam,
  longParam,
  noArgs,
  stringParam,
  timeParam,
  typeLabel,
  userCtx,
} from './args';

const asDate = (s: Value): ApexDate => s as ApexDate;
const asDatetime = (s: Value): ApexDatetime => s as ApexDatetime;
const asTime = (s: Value): ApexTime => s as ApexTime;

/** An instance method taking one Integer (addDays, addHours …). */
function withInt<T>(method: string, cast: (s: Value) => T, f: (self: T, n: number) => Value): NativeMethod {
  return (_t, s, a) => {
    arity(method, a, 1);
    return f(cast(s), intParam(method, a, 0));
  };
}

/**
 * Date.valueOf / Datetime.valueOf with one argument: the String overload, or the Object overload ("Converts the
 * specified object to a Date [Datetime]. Use this method to convert a history tracking field value or an object that
 * represents a Date [Datetime] value."), which returns a value of the class's own type unchanged. Converting another
 * type (a Datetime to a Date, …) is not documented and fails loudly.
 */
function valueOfOne<T>(
  method: string,
  a: Value[],
  own: (v: Value) => v is T & Value,
  fromString: (s: string) => Value,
): Value {
  arity(method, a, 1);
  const v = a[0] ?? null;
  if (v === null) throw nullArgument();
  if (typeof v === 'string') return fromString(v);
  if (v instanceof ApexId) return fromString(v.value);
  if (own(v)) return v;
  throw new EmulatorUnsupportedError(`${method} of a ${typeLabel(v)}`);
}

function registerDate(program: Program): void {
  defineBuiltin(program, {
    name: 'Date',
    namespace: 'System',
    statics: {
      daysInMonth: (_t, _s, a) => {
        arity('Date.daysInMonth', a, 2);
        return ApexDate.daysInMonth(intParam('Date.daysInMonth', a, 0), intParam('Date.daysInMonth', a, 1));
      },
      isLeapYear: (_t, _s, a) => {
        arity('Date.isLeapYear', a, 1);
        return ApexDate.isLeapYear(intParam('Date.isLeapYear', a, 0));
      },
      newInstance: (_t, _s, a) => {
        arity('Date.newInstance', a, 3);
        const m = 'Date.newInstance';
        return ApexDate.newInstance(intParam(m, a, 0), intParam(m, a, 1), intParam(m, a, 2));
      },
      parse: (t, _s, a) => {
        arity('Date.parse', a, 1);
        return ApexDate.parse(stringParam('Date.parse', a, 0), userCtx(t));
      },
      today: noArgs('Date.today', (t) => ApexDate.today(t.org.clock(), userCtx(t))),
      valueOf: (_t: Txn, _s: Value, a: Value[]) =>
        valueOfOne(
          'Date.valueOf',
          a,
          (v): v is ApexDate => v instanceof ApexDate,
          (s) => ApexDate.valueOf(s),
        ),
    },
    methods: {
      addDays: withInt('Date.addDays', asDate, (d, n) => d.addDays(n)),
      addMonths: withInt('Date.addMonths', asDate, (d, n) => d.addMonths(n)),
      addYears: withInt('Date.addYears', asDate, (d, n) => d.addYears(n)),
      day: noArgs('Date.day', (_t, s) => asDate(s).day()),
      dayOfYear: noArgs('Date.dayOfYear', (_t, s) => asDate(s).dayOfYear()),
      daysBetween: (_t, s, a) => {
        arity('Date.daysBetween', a, 1);
        return asDate(s).daysBetween(dateParam('Date.daysBetween', a, 0));
      },
      format: noArgs('Date.format', (t, s) => asDate(s).format(userCtx(t))),
      isSameDay: (_t, s, a) => {
        arity('Date.isSameDay', a, 1);
        return asDate(s).isSameDay(dateParam('Date.isSameDay', a, 0));
      },
      month: noArgs('Date.month', (_t, s) => asDate(s).month()),
      monthsBetween: (_t, s, a) => {
        arity('Date.monthsBetween', a, 1);
        return asDate(s).monthsBetween(dateParam('Date.monthsBetween', a, 0));
      },
      toStartOfMonth: noArgs('Date.toStartOfMonth', (_t, s) => asDate(s).toStartOfMonth()),
      toStartOfWeek: noArgs('Date.toStartOfWeek', (t, s) => asDate(s).toStartOfWeek(userCtx(t))),
      year: noArgs('Date.year', (_t, s) => asDate(s).year()),
    },
  });
}

/** newInstance / newInstanceGmt with 3 or 6 Integer fields. */
function fields(method: string, a: Value[]): [number, number, number, number, number, number] {
  const n = a.map((_, i) => intParam(method, a, i));
  return [n[0] ?? 0, n[1] ?? 0, n[2] ?? 0, n[3] ?? 0, n[4] ?? 0, n[5] ?? 0];
}

function registerDatetime(program: Program): void {
  const dt = asDatetime;
  /** A component read in the user's time zone. */
  const local = (name: string, f: (d: ApexDatetime, t: Txn) => Value): NativeMethod =>
    noArgs(`Datetime.${name}`, (t, s) => f(dt(s), t));
  defineBuiltin(program, {
    name: 'Datetime',
    namespace: 'System',
    statics: {
      newInstance: (t, _s, a) => {
        const m = 'Datetime.newInstance';
        switch (arity(m, a, 1, 2, 3, 6)) {
          case 1:
            return ApexDatetime.fromEpochMs(longParam(m, a, 0));
          case 2:
            return ApexDatetime.fromDateTime(userCtx(t), dateParam(m, a, 0), timeParam(m, a, 1));
          default:
            return ApexDatetime.newInstance(userCtx(t), ...fields(m, a));
        }
      },
      newInstanceGmt: (_t, _s, a) => {
        const m = 'Datetime.newInstanceGmt';
        if (arity(m, a, 2, 3, 6) === 2) return ApexDatetime.fromDateTimeGmt(dateParam(m, a, 0), timeParam(m, a, 1));
        return ApexDatetime.newInstanceGmt(...fields(m, a));
      },
      now: noArgs('Datetime.now', (t) => ApexDatetime.now(t.org.clock())),
      parse: (t, _s, a) => {
        arity('Datetime.parse', a, 1);
        return ApexDatetime.parse(stringParam('Datetime.parse', a, 0), userCtx(t));
      },
      valueOf: (t: Txn, _s: Value, a: Value[]) =>
        valueOfOne(
          'Datetime.valueOf',
          a,
          (v): v is ApexDatetime => v instanceof ApexDatetime,
          (s) => ApexDatetime.valueOf(s, userCtx(t)),
        ),
      valueOfGmt: (_t, _s, a) => {
        arity('Datetime.valueOfGmt', a, 1);
        return ApexDatetime.valueOfGmt(stringParam('Datetime.valueOfGmt', a, 0));
      },
    },
    methods: {
      addDays: withInt('Datetime.addDays', dt, (d, n) => d.addDays(n)),
      addHours: withInt('Datetime.addHours', dt, (d, n) => d.addHours(n)),
      addMinutes: withInt('Datetime.addMinutes', dt, (d, n) => d.addMinutes(n)),
      addMonths: withInt('Datetime.addMonths', dt, (d, n) => d.addMonths(n)),
      addSeconds: withInt('Datetime.addSeconds', dt, (d, n) => d.addSeconds(n)),
      addYears: withInt('Datetime.addYears', dt, (d, n) => d.addYears(n)),
      date: local('date', (d, t) => d.date(userCtx(t))),
      dateGmt: local('dateGmt', (d) => d.dateGmt()),
      day: local('day', (d, t) => d.day(userCtx(t))),
      dayGmt: local('dayGmt', (d) => d.dayGmt()),
      dayOfYear: local('dayOfYear', (d, t) => d.dayOfYear(userCtx(t))),
      dayOfYearGmt: local('dayOfYearGmt', (d) => d.dayOfYearGmt()),
      format: (t, s, a) => {
        const m = 'Datetime.format';
        switch (arity(m, a, 0, 1, 2)) {
          case 0:
            return dt(s).format(userCtx(t));
          case 1:
            return dt(s).formatPattern(stringParam(m, a, 0), userCtx(t));
          default:
            return dt(s).formatPatternInZone(stringParam(m, a, 0), stringParam(m, a, 1), userCtx(t));
        }
      },
      formatGmt: (t, s, a) => {
        arity('Datetime.formatGmt', a, 1);
        return dt(s).formatGmt(stringParam('Datetime.formatGmt', a, 0), userCtx(t));
      },
      formatLong: local('formatLong', (d, t) => d.formatLong(userCtx(t))),
      getTime: local('getTime', (d) => d.getTime()),
      hour: local('hour', (d, t) => d.hour(userCtx(t))),
      hourGmt: local('hourGmt', (d) => d.hourGmt()),
      isSameDay: (t, s, a) => {
        arity('Datetime.isSameDay', a, 1);
        return dt(s).isSameDay(datetimeParam('Datetime.isSameDay', a, 0), userCtx(t));
      },
      millisecond: local('millisecond', (d, t) => d.millisecond(userCtx(t))),
      millisecondGmt: local('millisecondGmt', (d) => d.millisecondGmt()),
      minute: local('minute', (d, t) => d.minute(userCtx(t))),
      minuteGmt: local('minuteGmt', (d) => d.minuteGmt()),
      month: local('month', (d, t) => d.month(userCtx(t))),
      monthGmt: local('monthGmt', (d) => d.monthGmt()),
      second: local('second', (d, t) => d.second(userCtx(t))),
      secondGmt: local('secondGmt', (d) => d.secondGmt()),
      time: local('time', (d, t) => d.time(userCtx(t))),
      timeGmt: local('timeGmt', (d) => d.timeGmt()),
      year: local('year', (d, t) => d.year(userCtx(t))),
      yearGmt: local('yearGmt', (d) => d.yearGmt()),
    },
  });
}

function registerTime(program: Program): void {
  defineBuiltin(program, {
    name: 'Time',
    namespace: 'System',
    statics: {
      newInstance: (_t, _s, a) => {
        const m = 'Time.newInstance';
        arity(m, a, 4);
        return ApexTime.newInstance(intParam(m, a, 0), intParam(m, a, 1), intParam(m, a, 2), intParam(m, a, 3));
      },
    },
    methods: {
      addHours: withInt('Time.addHours', asTime, (d, n) => d.addHours(n)),
      addMilliseconds: withInt('Time.addMilliseconds', asTime, (d, n) => d.addMilliseconds(n)),
      addMinutes: withInt('Time.addMinutes', asTime, (d, n) => d.addMinutes(n)),
      addSeconds: withInt('Time.addSeconds', asTime, (d, n) => d.addSeconds(n)),
      hour: noArgs('Time.hour', (_t, s) => asTime(s).hour()),
      millisecond: noArgs('Time.millisecond', (_t, s) => asTime(s).millisecond()),
      minute: noArgs('Time.minute', (_t, s) => asTime(s).minute()),
      second: noArgs('Time.second', (_t, s) => asTime(s).second()),
    },
  });
}

export function registerDateClasses(program: Program): void {
  registerDate(program);
  registerDatetime(program);
  registerTime(program);
}
