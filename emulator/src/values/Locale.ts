// The running user's locale and time zone, as Apex's locale-dependent methods see them.
//
// Salesforce Help, "Locales Overview": a user's locale (User.LocaleSidKey, e.g. en_US) "sets the default date,
// date/time, and number formats"; the time zone (User.TimeZoneSidKey, e.g. America/Los_Angeles) is used for
// Datetime's local-time methods. Orgs use the ICU locale formats (Salesforce Help, "Considerations for Adopting the
// ICU Locale Formats": orgs created in Winter '20 or later have them by default; enforced for all orgs since).
// Formats are implemented only for locales whose Salesforce patterns are pinned below; every other locale fails
// loudly for the methods that need its patterns.

import { EmulatorUnsupportedError } from '../errors';

/** The context user's LocaleSidKey and TimeZoneSidKey. Never the machine's. */
export interface UserContext {
  readonly locale: string;
  readonly timeZone: string;
}

/** The emulator's default org user (en_US, America/Los_Angeles). */
export const DEFAULT_USER_CONTEXT: UserContext = { locale: 'en_US', timeZone: 'America/Los_Angeles' };

/** Salesforce's date/time patterns (Java SimpleDateFormat letters) for one locale. */
export interface LocaleDateFormats {
  /** Date.format(), Date.parse() */
  readonly date: string;
  /** Datetime.format(), Datetime.parse() */
  readonly dateTime: string;
  /** Datetime.formatLong() */
  readonly dateTimeLong: string;
  /** Time part of the short date/time format */
  readonly time: string;
}

// en_US with ICU formats: short date M/d/yyyy (Salesforce Help, "Example Code with Locale-Formatted Data":
// Date.newInstance(2021, 10, 20).format() matches MM/dd/yyyy → 10/20/2021); date/time "M/d/yyyy, h:mm a" — with ICU
// the comma is part of the format, and Datetime.parse requires it ("04/12/2020, 03:24 PM" parses, "04/12/2020 03:24
// PM" does not; UnofficialSF/LightningFlowComponents PR #986 describing the ICU release update).
const LOCALE_FORMATS: Record<string, LocaleDateFormats> = {
  en_US: {
    date: 'M/d/yyyy',
    dateTime: 'M/d/yyyy, h:mm a',
    dateTimeLong: 'M/d/yyyy, h:mm:ss a z',
    time: 'h:mm a',
  },
};

/** The date/time patterns of `locale`, or a loud EmulatorUnsupportedError for a locale not pinned here. */
export function localeDateFormats(locale: string): LocaleDateFormats {
  const f = LOCALE_FORMATS[locale];
  if (f === undefined) throw new EmulatorUnsupportedError(`date/time formats of locale ${locale}`);
  return f;
}

const SIMPLE_LOCALE = /^([a-z]{2,3})(?:_([A-Z]{2}|[0-9]{3}))?(?:_([A-Za-z0-9]+))?$/;

/** A Salesforce LocaleSidKey (en_US, de_DE_EURO, zh_CN_PINYIN) as a BCP 47 tag for Intl (en-US, de-DE, zh-CN). */
export function toBcp47(locale: string): string {
  const m = SIMPLE_LOCALE.exec(locale);
  if (m === null) throw new EmulatorUnsupportedError(`locale ${locale}`);
  const [, lang = '', region] = m;
  const tag = region === undefined ? lang : `${lang}-${region}`;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag;
  } catch {
    throw new EmulatorUnsupportedError(`locale ${locale}`);
  }
}

interface WeekInfo {
  /** 1 = Monday … 7 = Sunday (ISO), as Intl.Locale weekInfo gives it. */
  firstDay: number;
  minimalDays: number;
}

const weekInfoCache = new Map<string, WeekInfo>();

/**
 * First day of the week and minimal days in the first week for `locale`, from CLDR (Intl.Locale#weekInfo), which is
 * what Java's Calendar uses with CLDR locale data. en_US: Sunday, 1.
 */
export function weekInfo(locale: string): WeekInfo {
  let w = weekInfoCache.get(locale);
  if (w === undefined) {
    const loc = new Intl.Locale(toBcp47(locale)) as Intl.Locale & {
      weekInfo?: WeekInfo;
      getWeekInfo?: () => WeekInfo;
    };
    const info = loc.getWeekInfo?.() ?? loc.weekInfo;
    if (info === undefined) throw new EmulatorUnsupportedError(`week data of locale ${locale}`);
    w = { firstDay: info.firstDay, minimalDays: info.minimalDays };
    weekInfoCache.set(locale, w);
  }
  return w;
}
