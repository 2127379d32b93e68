/**
 * actionPlaneCard — the card every approver component is drawn in, shared the way lwc-recipes shares errorPanel:
 * the SLDS card with its heading (and an icon), the header's buttons (refresh, close, and the host's own in slot
 * "actions"), the spinner while the host loads, the load error in words with Retry, then the host's content (slot
 * "controls" above the spinner and error, the default slot below them). A host with a header of its own (the
 * review's sticky header) leaves `heading` empty and fills slot "header"; its close then sits beside Retry.
 * The card decides nothing: it fires `refresh` (the refresh button, Retry) and `close`, and the host acts on them.
 * Shadow DOM, not light DOM: the LWC Developer Guide (Light DOM) does not support distributing light DOM components
 * in a managed package, so the card's markup is in its own shadow tree (hosts' tests read it there).
 */
import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/actionPlaneLabels';

export default class ActionPlaneCard extends LightningElement {
  labels = LABELS;

  /** The card's title (its h2). Empty for a host that brings its own header in slot "header". */
  @api heading: string | undefined;
  /** An SLDS icon before the title (`utility:einstein`); decorative, the title says what the card is. */
  @api iconName: string | undefined;
  /** The card's accessible name where the heading alone does not give one (the review shown full screen). */
  @api label: string | undefined;
  /** The host is loading what the card shows: the spinner is on and the card is aria-busy. */
  @api loading = false;
  /** Why the host's last load failed, in words (actionPlaneApi's errorMessage); shown as an alert. */
  @api loadError: string | null = null;
  /** A refresh button in the header. */
  @api showRefresh = false;
  /** A Retry button under the load error. */
  @api showRetry = false;
  /** A close button: in the header, or beside Retry when the host draws its own header. */
  @api showClose = false;

  get closeBesideRetry(): boolean {
    return this.showClose && !this.heading;
  }

  handleRefresh(): void {
    this.dispatchEvent(new CustomEvent('refresh'));
  }

  handleClose(): void {
    this.dispatchEvent(new CustomEvent('close'));
  }
}
