// Workbench stand-in for `lightning/platformShowToastEvent`: the same event the platform listens for; the
// workbench shell listens on the document and shows a visible SLDS toast.
export class ShowToastEvent extends CustomEvent {
  constructor(toast) {
    super('lightning__showtoast', { bubbles: true, composed: true, cancelable: true, detail: toast });
  }
}
