// The two ways emulator code reports a problem to the Apex program it runs.
//
// - ApexPlatformError: the platform itself throws a System exception (MathException, StringException, …). Library
//   and value code throws it with the org's exception type and, where the docs give it, the org's message text; the
//   interpreter turns it into a catchable Apex exception object of that type.
// - EmulatorUnsupportedError: the Apex program asked for something the emulator does not implement. It is never a
//   silent default: the interpreter reports it with the Apex file:line and it cannot be caught by Apex `catch`.

/** A System exception the platform throws, e.g. `new ApexPlatformError('System.MathException', 'Divide by 0')`. */
export class ApexPlatformError extends Error {
  /** Fully qualified Apex exception type, e.g. `System.NullPointerException`. */
  readonly apexType: string;

  constructor(apexType: string, message: string) {
    super(message);
    this.name = 'ApexPlatformError';
    this.apexType = apexType.includes('.') ? apexType : `System.${apexType}`;
  }
}

/** The emulator does not implement this feature. `feature` names it the way an Apex developer would. */
export class EmulatorUnsupportedError extends Error {
  readonly feature: string;
  /** Where in the Apex source it was hit (`Class.cls:12`), filled in by the interpreter when known. */
  location: string | undefined;

  constructor(feature: string, location?: string) {
    super(
      `EmulatorUnsupportedException: ${feature} is not supported by the emulator${location ? ` (${location})` : ''}`,
    );
    this.name = 'EmulatorUnsupportedError';
    this.feature = feature;
    this.location = location;
  }

  /** Records the Apex location once, keeping the first (innermost) one. */
  at(location: string): this {
    if (this.location === undefined) {
      this.location = location;
      this.message = `EmulatorUnsupportedException: ${this.feature} is not supported by the emulator (${location})`;
    }
    return this;
  }
}
