import decide from '@salesforce/apex/ActionInboxController.decide';
import getInbox from '@salesforce/apex/ActionInboxController.getInbox';
import { decideActions, errorMessage, loadInbox } from 'c/actionPlaneApi';

jest.mock('c/actionPlaneLabels', () =>
  jest.requireActual<{ labelsModule(): object }>('../../../../../../test/jest-mocks/labelTexts').labelsModule(),
);
jest.mock('@salesforce/apex/ActionInboxController.decide', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ActionInboxController.getInbox', () => ({ default: jest.fn() }), { virtual: true });

const decideMock = decide as unknown as jest.Mock;
const getInboxMock = getInbox as unknown as jest.Mock;

afterEach(() => jest.clearAllMocks());

describe('decideActions', () => {
  it('sendsTheContractParametersAndReturnsResults', async () => {
    decideMock.mockResolvedValue({ results: [{ actionId: 'a1', ok: true, status: 'Applied', message: null }] });
    const results = await decideActions(['a1'], 'Approve', '  fine  ', { Amount: 100 });
    expect(decideMock).toHaveBeenCalledWith({
      actionIds: ['a1'],
      decision: 'Approve',
      reason: 'fine',
      editedValues: { Amount: 100 },
    });
    expect(results[0]?.status).toBe('Applied');
  });
  it('refusesRejectWithoutReasonBeforeCallingTheServer', async () => {
    await expect(decideActions(['a1'], 'Reject', '   ')).rejects.toThrow('A reason is required to reject.');
    expect(decideMock).not.toHaveBeenCalled();
  });
  it('refusesEditedValuesOnSeveralActions', async () => {
    await expect(decideActions(['a1', 'a2'], 'Approve', null, { Amount: 1 })).rejects.toThrow('one action at a time');
    expect(decideMock).not.toHaveBeenCalled();
  });
  it('refusesAnEmptySelection', async () => {
    await expect(decideActions([], 'Approve', null)).rejects.toThrow('Choose at least one action');
  });
});

describe('loadInbox', () => {
  it('passesEveryFilter', async () => {
    getInboxMock.mockResolvedValue({ rows: [], total: 0, pageNumber: 2, pageSize: 25, agents: [], objects: [] });
    const filters = {
      status: 'Open',
      objectName: 'Opportunity',
      risk: 'High',
      agent: 'pipeline-agent',
      mine: true,
      pageSize: 25,
      pageNumber: 2,
    };
    await loadInbox(filters);
    expect(getInboxMock).toHaveBeenCalledWith(filters);
  });
});

describe('errorMessage', () => {
  it('readsAuraHandledExceptions', () => {
    expect(errorMessage({ body: { message: 'You cannot approve your own action.' } })).toBe(
      'You cannot approve your own action.',
    );
  });
  it('readsPageAndFieldErrors', () => {
    expect(
      errorMessage({
        body: { pageErrors: [{ message: 'Locked' }], fieldErrors: { Amount: [{ message: 'Too big' }] } },
      }),
    ).toBe('Locked, Amount: Too big');
  });
  it('readsErrorListsErrorsAndStrings', () => {
    expect(errorMessage({ body: [{ message: 'One' }, { message: 'Two' }] })).toBe('One, Two');
    expect(errorMessage(new Error('Network down'))).toBe('Network down');
    expect(errorMessage('plain')).toBe('plain');
  });
  it('saysSoWhenThereIsNoReason', () => {
    expect(errorMessage(undefined)).toBe('Something went wrong and the server gave no reason.');
    expect(errorMessage({})).toBe('Something went wrong and the server gave no reason.');
  });
});
