// Workbench stand-in for `lightning/navigation`: there is no Lightning Experience here, so a navigation request
// becomes a `wb-navigate` window event the workbench shell answers (record page tab, run timeline tab).
const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

function urlFor(pageReference) {
  const id = pageReference?.attributes?.recordId ?? '';
  return `#/record/${id}`;
}

export const NavigationMixin = (Base) =>
  class extends Base {
    [Navigate](pageReference) {
      window.dispatchEvent(new CustomEvent('wb-navigate', { detail: pageReference }));
    }
    [GenerateUrl](pageReference) {
      return Promise.resolve(urlFor(pageReference));
    }
  };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

/** Wire adapter: the workbench has no page reference to offer, so it emits none. */
export class CurrentPageReference {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
  }
  connect() {}
  disconnect() {}
  update() {}
}
