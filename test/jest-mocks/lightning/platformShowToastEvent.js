// Jest stand-in for lightning/platformShowToastEvent: a real CustomEvent named as on the platform, so tests can
// listen for 'lightning__showtoast' and read title, message and variant from event.detail.
export const ShowToastEventName = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent {
  constructor(toast) {
    super(ShowToastEventName, {
      composed: true,
      cancelable: true,
      bubbles: true,
      detail: toast,
    });
  }
}
