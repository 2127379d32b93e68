// lightning/platformShowToastEvent: the event a component dispatches to show a toast.
declare module 'lightning/platformShowToastEvent' {
  export interface ShowToastEventDetail {
    title: string;
    message?: string;
    variant?: 'info' | 'success' | 'warning' | 'error';
    mode?: 'dismissible' | 'pester' | 'sticky';
  }
  export class ShowToastEvent extends CustomEvent<ShowToastEventDetail> {
    constructor(detail: ShowToastEventDetail);
  }
}
