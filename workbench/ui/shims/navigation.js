// Workbench stand-in for `lightning/navigation`: there is no Lightning Experience here. A record page request
// becomes a `wb-navigate` window event the workbench shell answers (record page tab, run timeline tab); a page
// with state (the inbox's open review and filters: { c__action, c__status, … }) is the address's hash,
// `#/inbox?c__action=<id>`, so reloading or sharing the address opens the same view, as the org's URL does.
const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

/** The page the hash names, as a page reference: `#/inbox?c__action=x` → the Approval Inbox tab with that state. */
function pageReferenceFromHash() {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const [path, query] = hash.split('?');
  const state = {};
  for (const [key, value] of new URLSearchParams(query ?? '')) state[key] = value;
  return { type: 'standard__navItemPage', attributes: { apiName: path || 'inbox' }, state };
}

function hashFor(pageReference) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(pageReference.state ?? {})) {
    if (value !== undefined && value !== null && value !== '') query.set(key, value);
  }
  const text = query.toString();
  return `#/${pageReference.attributes?.apiName ?? 'inbox'}${text ? `?${text}` : ''}`;
}

function urlFor(pageReference) {
  if (pageReference?.type === 'standard__navItemPage') return hashFor(pageReference);
  const id = pageReference?.attributes?.recordId ?? '';
  return `#/record/${id}`;
}

export const NavigationMixin = (Base) =>
  class extends Base {
    [Navigate](pageReference, replace) {
      if (pageReference?.type === 'standard__navItemPage') {
        const hash = hashFor(pageReference);
        if (hash === window.location.hash) return;
        if (replace) window.history.replaceState(null, '', hash);
        else window.history.pushState(null, '', hash);
        window.dispatchEvent(new CustomEvent('wb-pagestate'));
        return;
      }
      window.dispatchEvent(new CustomEvent('wb-navigate', { detail: pageReference }));
    }
    [GenerateUrl](pageReference) {
      return Promise.resolve(urlFor(pageReference));
    }
  };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

/** Wire adapter: the page reference the hash names, again whenever the hash or the page state changes. */
export class CurrentPageReference {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
    this.onChange = () => this.dataCallback(pageReferenceFromHash());
  }
  connect() {
    window.addEventListener('hashchange', this.onChange);
    window.addEventListener('popstate', this.onChange);
    window.addEventListener('wb-pagestate', this.onChange);
    this.onChange();
  }
  disconnect() {
    window.removeEventListener('hashchange', this.onChange);
    window.removeEventListener('popstate', this.onChange);
    window.removeEventListener('wb-pagestate', this.onChange);
  }
  update() {}
}
