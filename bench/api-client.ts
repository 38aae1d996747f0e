// The bench's HTTP client for the API, as one anordnare: node:http on a keep-alive agent. fetch
// (undici) spent about 3 ms of CPU a request here against about 1 ms, on the same two cores the
// API, the worker and Temporal need, and so charged its own cost to the API's figures.
import http from 'node:http';

export interface ApiAnswer {
  status: number;
  body: string;
}

export interface ApiClient {
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<ApiAnswer>;
  get(path: string): Promise<ApiAnswer>;
  close(): void;
}

export function createApiClient(baseUrl: string, token: string): ApiClient {
  const agent = new http.Agent({ keepAlive: true });
  const { hostname, port } = new URL(baseUrl);
  const send = (method: string, path: string, headers: Record<string, string>, body?: string) =>
    new Promise<ApiAnswer>((resolve, reject) => {
      const request = http.request({ agent, hostname, port, method, path, headers: { authorization: `Bearer ${token}`, ...headers } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(body);
    });
  return {
    post: (path, body, headers = {}) => {
      const json = JSON.stringify(body);
      return send('POST', path, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(json)), ...headers }, json);
    },
    get: (path) => send('GET', path, {}),
    close: () => agent.destroy(),
  };
}
