/**
 * Test support: a stand-in for a Salesforce org's OAuth edge. `POST /services/oauth2/token` answers the client
 * credentials flow; `/services/apexrest/*` demands the current Bearer token and forwards to the workbench.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeOrgEdge {
  url: string;
  clientId: string;
  clientSecret: string;
  tokensIssued: number;
  /** Makes the current token invalid, as when a session expires. */
  revokeToken(): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startFakeOrgEdge(workbenchUrl: string): Promise<FakeOrgEdge> {
  let current: string | null = null;
  const edge = {
    url: '',
    clientId: 'client-id-123',
    clientSecret: 'secret-456',
    tokensIssued: 0,
    revokeToken: () => {
      current = null;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const send = (status: number, data: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(data));
      };
      if (req.url === '/services/oauth2/token' && req.method === 'POST') {
        const form = new URLSearchParams(body);
        if (form.get('grant_type') !== 'client_credentials') {
          return send(400, { error: 'unsupported_grant_type', error_description: 'grant type not supported' });
        }
        if (form.get('client_id') !== edge.clientId || form.get('client_secret') !== edge.clientSecret) {
          return send(400, { error: 'invalid_client', error_description: 'invalid client credentials' });
        }
        edge.tokensIssued += 1;
        current = `token-${edge.tokensIssued}`;
        return send(200, { access_token: current, instance_url: edge.url, token_type: 'Bearer' });
      }
      if (req.url?.startsWith('/services/apexrest/')) {
        if (current === null || req.headers.authorization !== `Bearer ${current}`) {
          return send(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
        }
        const forwarded = await fetch(`${workbenchUrl}${req.url}`, {
          method: req.method,
          headers: { 'content-type': 'application/json' },
          body: req.method === 'GET' ? undefined : body,
        });
        res.writeHead(forwarded.status, { 'content-type': 'application/json' });
        return res.end(await forwarded.text());
      }
      return send(404, [{ message: 'Could not find a match for URL', errorCode: 'NOT_FOUND' }]);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  edge.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return edge;
}
