// Apex Time: a time of day without date or zone, stored as milliseconds since midnight (0 … 86,399,999).
//
// Apex Developer Guide, "Primitive Data Types": "Time: A value that indicates a particular time." Methods: Apex
// Reference, "Time Class" (newInstance, addHours, addMinutes, addSeconds, addMilliseconds, hour, minute, second,
// millisecond).

import { floorMod, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND, pad } from './Calendar';

/** An Apex Time value. Immutable. */
export class ApexTime {
  /** milliseconds since midnight */
  readonly ms: number;

  constructor(ms: number) {
    this.ms = ms;
  }

  /**
   * Time.newInstance(hour, minutes, seconds, milliseconds): "Constructs a Time from Integer representations of the
   * specified hour, minutes, seconds, and milliseconds." Example: Time.newInstance(18, 30, 2, 20) → 18:30:02.020Z.
   * Values out of range wrap around the day (the docs are silent; Java's lenient Calendar rolls them).
   */
  static newInstance(hour: number, minutes: number, seconds: number, milliseconds: number): ApexTime {
    return new ApexTime(
      floorMod(hour * MS_PER_HOUR + minutes * MS_PER_MINUTE + seconds * MS_PER_SECOND + milliseconds, MS_PER_DAY),
    );
  }

  /** addHours(additionalHours): wraps around midnight. */
  addHours(n: number): ApexTime {
    return new ApexTime(floorMod(this.ms + n * MS_PER_HOUR, MS_PER_DAY));
  }

  addMinutes(n: number): ApexTime {
    return new ApexTime(floorMod(this.ms + n * MS_PER_MINUTE, MS_PER_DAY));
  }

  addSeconds(n: number): ApexTime {
    return new ApexTime(floorMod(this.ms + n * MS_PER_SECOND, MS_PER_DAY));
  }

  addMilliseconds(n: number): ApexTime {
    return new ApexTime(floorMod(this.ms + n, MS_PER_DAY));
  }

  hour(): number {
    return Math.floor(this.ms / MS_PER_HOUR);
  }

  minute(): number {
    return Math.floor((this.ms % MS_PER_HOUR) / MS_PER_MINUTE);
  }

  second(): number {
    return Math.floor((this.ms % MS_PER_MINUTE) / MS_PER_SECOND);
  }

  millisecond(): number {
    return this.ms % MS_PER_SECOND;
  }

  /** String.valueOf(Time), concatenation and System.debug: 'HH:mm:ss.SSSZ' (e.g. 18:30:02.020Z). */
  toString(): string {
    return `${pad(this.hour(), 2)}:${pad(this.minute(), 2)}:${pad(this.second(), 2)}.${pad(this.millisecond(), 3)}Z`;
  }

  /** JSON.serialize(Time): "18:30:02.020Z". */
  toJson(): string {
    return this.toString();
  }

  equals(o: ApexTime): boolean {
    return this.ms === o.ms;
  }

  compareTo(o: ApexTime): number {
    return this.ms < o.ms ? -1 : this.ms > o.ms ? 1 : 0;
  }
}
