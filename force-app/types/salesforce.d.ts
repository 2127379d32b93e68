// Pulls in @salesforce/lightning-types (lightning/* base components, @salesforce/user/Id, …) and @lwc/types
// (HTML/CSS imports) for every LWC TypeScript file under force-app.
import '@salesforce/lightning-types';
import '@lwc/types';
