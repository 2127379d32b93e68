import { Loader, type LoadState } from 'c/actionPlaneLoad';

/** A request the test answers (or fails) when it chooses. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function state(): LoadState {
  return { loading: false, loadError: 'the last error' };
}

describe('Loader', () => {
  it('spinsWhileTheRequestRunsThenAppliesTheAnswer', async () => {
    const shown = state();
    const loader = new Loader(shown);
    const answer = deferred<string[]>();
    const applied: string[][] = [];
    const run = loader.run(
      () => answer.promise,
      (rows) => {
        applied.push(rows);
      },
    );
    expect(shown).toEqual({ loading: true, loadError: null });
    answer.resolve(['a1']);
    await expect(run).resolves.toBe(true);
    expect(applied).toEqual([['a1']]);
    expect(shown.loading).toBe(false);
  });

  it('keepsWhatIsOnScreenWithoutTheSpinnerWhenAsked', async () => {
    const shown = state();
    const answer = deferred<number>();
    const run = new Loader(shown).run(
      () => answer.promise,
      () => undefined,
      { spinner: false },
    );
    expect(shown.loading).toBe(false);
    answer.resolve(1);
    await run;
    expect(shown.loading).toBe(false);
  });

  it('dropsTheAnswerToARequestANewerOneOvertook', async () => {
    const shown = state();
    const loader = new Loader(shown);
    const first = deferred<string>();
    const second = deferred<string>();
    const applied: string[] = [];
    const older = loader.run(
      () => first.promise,
      (value) => {
        applied.push(value);
      },
    );
    const newer = loader.run(
      () => second.promise,
      (value) => {
        applied.push(value);
      },
    );
    first.resolve('record A');
    await expect(older).resolves.toBe(false);
    expect(shown.loading).toBe(true); // the newer request is still running
    second.resolve('record B');
    await expect(newer).resolves.toBe(true);
    expect(applied).toEqual(['record B']);
    expect(shown.loading).toBe(false);
  });

  it('putsAFailureIntoWordsAndLetsTheHostClearWhatIsStale', async () => {
    const shown = state();
    const cleared: string[] = [];
    const ok = await new Loader(shown).run(
      // What an Apex call rejects with: the AuraHandledException's message in body.
      jest.fn<Promise<never>, []>().mockRejectedValue({ body: { message: 'Insufficient access to this action.' } }),
      () => undefined,
      { failed: () => cleared.push('rows') },
    );
    expect(ok).toBe(false);
    expect(shown).toEqual({ loading: false, loadError: 'Insufficient access to this action.' });
    expect(cleared).toEqual(['rows']);
  });

  it('ignoresTheFailureOfARequestANewerOneOvertook', async () => {
    const shown = state();
    const loader = new Loader(shown);
    const first = deferred<string>();
    const failed: string[] = [];
    const older = loader.run(
      () => first.promise,
      () => undefined,
      { failed: () => failed.push('older') },
    );
    const newer = loader.run(
      () => Promise.resolve('fresh'),
      () => undefined,
    );
    await newer;
    first.reject(new Error('Read timed out'));
    await expect(older).resolves.toBe(false);
    expect(shown.loadError).toBeNull();
    expect(failed).toEqual([]);
  });

  it('countsAnErrorWhileApplyingAsAFailedLoad', async () => {
    const shown = state();
    const ok = await new Loader(shown).run(
      () => Promise.resolve({}),
      () => {
        throw new Error('Unexpected answer');
      },
    );
    expect(ok).toBe(false);
    expect(shown.loadError).toBe('Unexpected answer');
    expect(shown.loading).toBe(false);
  });
});
