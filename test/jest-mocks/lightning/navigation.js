// Jest stand-in for lightning/navigation: NavigationMixin records what a component asked for, so tests can assert
// the page reference (NavigationMixin.lastNavigation / lastGeneratedUrlFor), and GenerateUrl resolves a fake URL.
const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export const NavigationMixin = (Base) =>
  class extends Base {
    [Navigate](pageReference, replace) {
      NavigationMixin.lastNavigation = { pageReference, replace };
      NavigationMixin.navigations.push(pageReference);
    }
    [GenerateUrl](pageReference) {
      NavigationMixin.lastGeneratedUrlFor = pageReference;
      const id = pageReference && pageReference.attributes ? pageReference.attributes.recordId : '';
      return Promise.resolve(`/lightning/r/${id}/view`);
    }
  };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;
NavigationMixin.navigations = [];
NavigationMixin.lastNavigation = undefined;
NavigationMixin.lastGeneratedUrlFor = undefined;
NavigationMixin.reset = () => {
  NavigationMixin.navigations = [];
  NavigationMixin.lastNavigation = undefined;
  NavigationMixin.lastGeneratedUrlFor = undefined;
};

export { CurrentPageReference } from './currentPageReference';
