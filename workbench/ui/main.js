// Entry of the workbench UI bundle: synthetic shadow (so SLDS styles reach inside components, as in the org),
// then the workbench shell, which hosts the real ActionPlane components.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import App from 'wb/app';

document.querySelector('#main').appendChild(createElement('wb-app', { is: App }));
