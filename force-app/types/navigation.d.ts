// The part of lightning/navigation ActionPlane uses: NavigationMixin with Navigate and GenerateUrl, and the
// CurrentPageReference wire adapter (the page's type, attributes and state, e.g. { c__action: '<id>' }).
declare module 'lightning/navigation' {
  import type { LightningElement, WireAdapterConstructor } from 'lwc';

  export interface PageReference {
    type: string;
    attributes?: Record<string, string | undefined>;
    state?: Record<string, string | undefined>;
  }

  // A TypeScript mixin's base constructor must take `any[]` (TS2545); nothing is ever passed through it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Constructor<T> = new (...args: any[]) => T;

  export interface NavigationCapable {
    [NavigationMixin.Navigate](pageReference: PageReference, replace?: boolean): void;
    [NavigationMixin.GenerateUrl](pageReference: PageReference): Promise<string>;
  }

  export function NavigationMixin<T extends Constructor<LightningElement>>(base: T): T & Constructor<NavigationCapable>;
  export namespace NavigationMixin {
    const Navigate: unique symbol;
    const GenerateUrl: unique symbol;
  }

  export const CurrentPageReference: WireAdapterConstructor<Record<string, never>, PageReference>;
}
