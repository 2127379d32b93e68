/**
 * Client options from flags and environment variables, for the CLI and the MCP server:
 * ACTIONPLANE_URL (workbench or REST base) or ACTIONPLANE_LOGIN_URL + ACTIONPLANE_CLIENT_ID +
 * ACTIONPLANE_CLIENT_SECRET (an org), ACTIONPLANE_NAMESPACE, ACTIONPLANE_USER (workbench demo user).
 */
import type { ActionPlaneClientOptions } from './ActionPlaneClient';
import { ActionPlaneConfigError } from './errors';

export interface ConnectionFlags {
  url?: string;
  loginUrl?: string;
  clientId?: string;
  clientSecret?: string;
  namespace?: string;
  user?: string;
}

export const ENV_HELP = [
  'ACTIONPLANE_URL            workbench or REST base URL, no auth (e.g. http://localhost:4410)',
  'ACTIONPLANE_LOGIN_URL      org My Domain URL for OAuth client credentials (https://<myDomain>.my.salesforce.com)',
  'ACTIONPLANE_CLIENT_ID      consumer key of the External Client App / Connected App',
  'ACTIONPLANE_CLIENT_SECRET  consumer secret',
  'ACTIONPLANE_NAMESPACE      package namespace when installed as a managed package',
  'ACTIONPLANE_USER           workbench only: demo username to act as',
].join('\n');

function pick(flag: string | undefined, env: string | undefined): string | undefined {
  const v = flag ?? env;
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

/** Flags win over the environment. OAuth is used when a login URL or client id is given, else the plain URL. */
export function clientOptionsFrom(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv = process.env,
): ActionPlaneClientOptions {
  const url = pick(flags.url, env.ACTIONPLANE_URL);
  const loginUrl = pick(flags.loginUrl, env.ACTIONPLANE_LOGIN_URL);
  const clientId = pick(flags.clientId, env.ACTIONPLANE_CLIENT_ID);
  const clientSecret = pick(flags.clientSecret, env.ACTIONPLANE_CLIENT_SECRET);
  const namespace = pick(flags.namespace, env.ACTIONPLANE_NAMESPACE);
  const actingUser = pick(flags.user, env.ACTIONPLANE_USER);
  if (loginUrl || clientId || clientSecret) {
    const missing = [
      loginUrl ? null : '--login-url / ACTIONPLANE_LOGIN_URL',
      clientId ? null : '--client-id / ACTIONPLANE_CLIENT_ID',
      clientSecret ? null : '--client-secret / ACTIONPLANE_CLIENT_SECRET',
    ].filter((m): m is string => m !== null);
    if (missing.length > 0) throw new ActionPlaneConfigError(`OAuth to an org also needs ${missing.join(', ')}`);
    return { oauth: { loginUrl: loginUrl!, clientId: clientId!, clientSecret: clientSecret! }, namespace, actingUser };
  }
  if (!url) {
    throw new ActionPlaneConfigError(
      'No ActionPlane to talk to: set --url / ACTIONPLANE_URL (the workbench, e.g. http://localhost:4410) or ' +
        '--login-url, --client-id and --client-secret (an org; see docs/clients.md)',
    );
  }
  return { baseUrl: url, namespace, actingUser };
}
