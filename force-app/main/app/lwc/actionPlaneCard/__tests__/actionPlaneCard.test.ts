import { createElement } from 'lwc';
import ActionPlaneCard from 'c/actionPlaneCard';

jest.mock('c/actionPlaneLabels', () =>
  jest.requireActual<{ labelsModule(): object }>('../../../../../../test/jest-mocks/labelTexts').labelsModule(),
);

/** The base components' Jest stubs keep the public properties they were given. */
type Stub = HTMLElement & { iconName?: string; alternativeText?: string; label?: string; title: string };

interface CardProps {
  heading?: string;
  iconName?: string;
  label?: string;
  loading?: boolean;
  loadError?: string | null;
  showRefresh?: boolean;
  showRetry?: boolean;
  showClose?: boolean;
}

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function render(props: CardProps) {
  const element = createElement('c-action-plane-card', { is: ActionPlaneCard });
  Object.assign(element, props);
  const events: string[] = [];
  element.addEventListener('refresh', () => events.push('refresh'));
  element.addEventListener('close', () => events.push('close'));
  document.body.appendChild(element);
  await flush();
  return { element, root: element.shadowRoot as ShadowRoot, events };
}

afterEach(() => {
  while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

describe('c-action-plane-card', () => {
  it('drawsItsHeadingWithADecorativeIcon', async () => {
    const { root } = await render({ heading: 'Agent actions (2)', iconName: 'utility:einstein' });
    const title = root.querySelector('.slds-card__header h2');
    expect(title?.textContent).toBe('Agent actions (2)');
    expect(title?.getAttribute('title')).toBe('Agent actions (2)');
    const icon = root.querySelector<Stub>('.slds-card__header lightning-icon');
    expect(icon?.iconName).toBe('utility:einstein');
    expect(icon?.alternativeText).toBe('');
  });

  it('drawsNoHeaderWithoutAHeading', async () => {
    const { root } = await render({ label: 'Review of PA-0001' });
    expect(root.querySelector('.slds-card__header')).toBeNull();
    expect(root.querySelector('article')?.getAttribute('aria-label')).toBe('Review of PA-0001');
  });

  it('asksItsHostToRefreshFromTheHeaderAndFromRetry', async () => {
    const { root, events } = await render({
      heading: 'Approval Inbox',
      showRefresh: true,
      showRetry: true,
      loadError: 'Read timed out',
    });
    const refresh = root.querySelector<Stub>('lightning-button-icon.refresh');
    expect(refresh?.alternativeText).toBe('Refresh');
    refresh?.dispatchEvent(new CustomEvent('click'));
    const retry = root.querySelector<Stub>('lightning-button.retry');
    expect(retry?.label).toBe('Try again');
    retry?.dispatchEvent(new CustomEvent('click'));
    expect(events).toEqual(['refresh', 'refresh']);
  });

  it('offersNoButtonsItWasNotAskedFor', async () => {
    const { root } = await render({ heading: 'Agent actions (0)', loadError: 'Insufficient access' });
    expect(root.querySelector('.refresh')).toBeNull();
    expect(root.querySelector('.retry')).toBeNull();
    expect(root.querySelector('.close')).toBeNull();
  });

  it('closesFromTheHeaderWhenItHasOne', async () => {
    const { root, events } = await render({ heading: 'Run timeline', showClose: true, loadError: 'Run not found' });
    const close = root.querySelector<Stub>('.slds-card__header lightning-button-icon.close');
    expect(close?.alternativeText).toBe('Close');
    expect(root.querySelectorAll('.close')).toHaveLength(1);
    close?.dispatchEvent(new CustomEvent('click'));
    expect(events).toEqual(['close']);
  });

  it('closesBesideRetryWhenTheHostDrawsItsOwnHeader', async () => {
    const { root, events } = await render({ showClose: true, showRetry: true, loadError: 'Insufficient access' });
    const close = root.querySelector<Stub>('.slds-card__body lightning-button.close');
    expect(close?.label).toBe('Close');
    close?.dispatchEvent(new CustomEvent('click'));
    expect(events).toEqual(['close']);
  });

  it('spinsAndIsBusyWhileItsHostLoads', async () => {
    const { element, root } = await render({ heading: 'Run timeline', loading: true, loadError: 'stale error' });
    expect(root.querySelector<Stub>('.loading lightning-spinner')?.alternativeText).toBe('Loading');
    expect(root.querySelector('article')?.getAttribute('aria-busy')).toBe('true');
    expect(root.querySelector('.load-error')).toBeNull();
    Object.assign(element, { loading: false, loadError: null });
    await flush();
    expect(root.querySelector('lightning-spinner')).toBeNull();
    expect(root.querySelector('article')?.getAttribute('aria-busy')).not.toBe('true');
  });

  it('saysWhyTheLoadFailedAsAnAlert', async () => {
    const { root } = await render({ heading: 'Approval Inbox', loadError: 'You do not have access to ActionPlane.' });
    const alert = root.querySelector('.load-error');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.querySelector('.slds-assistive-text')?.textContent).toBe('Error');
    expect(alert?.querySelector('h2')?.textContent).toBe('Could not load: You do not have access to ActionPlane.');
  });
});
