/**
 * OAuth 2.0 client credentials against a Salesforce External Client App or Connected App:
 * `POST <myDomain>/services/oauth2/token` with `grant_type=client_credentials`. The org answers an access token and
 * its `instance_url`; the token acts as the app's "Run As" user. The token is cached until the API answers 401.
 */
import { ActionPlaneAuthError, ActionPlaneConfigError, ActionPlaneConnectionError } from './errors';

export interface ClientCredentials {
  /** The org's My Domain URL, for example `https://yourcompany.my.salesforce.com` (not login.salesforce.com). */
  loginUrl: string;
  clientId: string;
  clientSecret: string;
}

export interface AccessToken {
  accessToken: string;
  instanceUrl: string;
}

export class ClientCredentialsAuth {
  private cached: Promise<AccessToken> | null = null;
  private readonly tokenUrl: string;

  constructor(
    private readonly credentials: ClientCredentials,
    private readonly fetchFn: typeof fetch = fetch,
  ) {
    const missing = (['loginUrl', 'clientId', 'clientSecret'] as const).filter((k) => !credentials[k]?.trim());
    if (missing.length > 0) {
      throw new ActionPlaneConfigError(`OAuth client credentials need ${missing.join(', ')}`);
    }
    let url: URL;
    try {
      url = new URL(credentials.loginUrl);
    } catch {
      throw new ActionPlaneConfigError(`loginUrl '${credentials.loginUrl}' is not a URL (use https://<myDomain>)`);
    }
    this.tokenUrl = `${url.origin}/services/oauth2/token`;
  }

  /** A cached token, or a new one from the token endpoint. */
  token(): Promise<AccessToken> {
    this.cached ??= this.requestToken().catch((e: unknown) => {
      this.cached = null;
      throw e;
    });
    return this.cached;
  }

  /** Forget the cached token (after the API answered 401). */
  invalidate(): void {
    this.cached = null;
  }

  private async requestToken(): Promise<AccessToken> {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.credentials.clientId,
      client_secret: this.credentials.clientSecret,
    });
    let response: Response;
    try {
      response = await this.fetchFn(this.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
      });
    } catch (e) {
      throw new ActionPlaneConnectionError(this.tokenUrl, e);
    }
    const text = await response.text();
    let data: Record<string, unknown> = {};
    try {
      data = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // A non-JSON answer (an HTML error page) is reported below with its status.
    }
    if (!response.ok) {
      const why = typeof data.error_description === 'string' ? data.error_description : text.slice(0, 200);
      const code = typeof data.error === 'string' ? `${data.error}: ` : '';
      throw new ActionPlaneAuthError(
        `The token endpoint ${this.tokenUrl} refused the client credentials (${response.status}): ${code}${why}`,
        response.status,
      );
    }
    if (typeof data.access_token !== 'string' || typeof data.instance_url !== 'string') {
      throw new ActionPlaneAuthError(
        `The token endpoint ${this.tokenUrl} answered without access_token and instance_url`,
        response.status,
      );
    }
    return { accessToken: data.access_token, instanceUrl: data.instance_url };
  }
}
