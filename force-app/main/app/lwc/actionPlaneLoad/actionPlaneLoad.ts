/**
 * actionPlaneLoad — how the approver components load what they show, and load it again (shared the way lwc-recipes
 * shares ldsUtils): the newest request wins, so the answer to an older one (another record, another filter, a
 * reload overtaken by the next) is dropped; the spinner shows while a request runs, unless what is on screen stays
 * on screen while it reloads; a failure is put into words (errorMessage) for the card's alert. The component keeps
 * `loading` and `loadError` as its own fields and hands them to c-action-plane-card.
 */
import { errorMessage } from 'c/actionPlaneApi';

/** What a component shows of its loading: the card's spinner and its error. */
export interface LoadState {
  loading: boolean;
  loadError: string | null;
}

export interface LoadOptions {
  /** Show the spinner while this request runs (default true); false keeps what is on screen while it reloads. */
  spinner?: boolean;
  /** After a failure (loadError is set): clear what would otherwise be shown as if it were current. */
  failed?: () => void;
}

export class Loader {
  private latest = 0;

  /** `state` is the component itself: its `loading` and `loadError` fields are set, so the template follows. */
  constructor(private readonly state: LoadState) {}

  /**
   * Runs `request` and hands its answer to `apply`, unless a newer run started meanwhile. Resolves true when the
   * answer was applied; false when it failed (loadError says why) or was overtaken. An error thrown by `apply`
   * counts as a failed load.
   */
  async run<T>(
    request: () => Promise<T>,
    apply: (value: T) => void | Promise<void>,
    options: LoadOptions = {},
  ): Promise<boolean> {
    const ticket = ++this.latest;
    this.state.loading = options.spinner ?? true;
    this.state.loadError = null;
    try {
      const value = await request();
      if (ticket !== this.latest) return false;
      await apply(value);
      return true;
    } catch (error) {
      if (ticket !== this.latest) return false;
      this.state.loadError = errorMessage(error);
      options.failed?.();
      return false;
    } finally {
      if (ticket === this.latest) this.state.loading = false;
    }
  }
}
