// A minimal keep-alive HTTP/1.1 client (node:http): one instance per simulated client,
// so each keeps its own connection, as separate browsers would.
import http from 'node:http';

export interface HttpResponse {
  status: number;
  text: string;
}

export class HttpClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  constructor(
    private readonly port: number,
    private readonly host = '127.0.0.1',
  ) {}

  /** A kept-alive connection the server closed while idle is retried once on a new one
   * (the pattern Node's documentation gives for req.reusedSocket). */
  async request(method: string, path: string, opts: { token?: string; body?: string | Buffer } = {}): Promise<HttpResponse> {
    try {
      return await this.once(method, path, opts);
    } catch (e) {
      if ((e as { reused?: boolean }).reused && (e as NodeJS.ErrnoException).code === 'ECONNRESET') return this.once(method, path, opts);
      throw e;
    }
  }

  private once(method: string, path: string, opts: { token?: string; body?: string | Buffer }): Promise<HttpResponse> {
    const headers: Record<string, string | number> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(opts.body);
    }
    return new Promise((resolve, reject) => {
      const req = http.request({ host: this.host, port: this.port, method, path, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', (e) => reject(Object.assign(e, { reused: req.reusedSocket })));
      req.end(opts.body);
    });
  }

  async json<T>(method: string, path: string, opts: { token?: string; body?: unknown; expect?: number } = {}): Promise<T> {
    const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const res = await this.request(method, path, { token: opts.token, body });
    if (res.status !== (opts.expect ?? 200)) throw new Error(`${method} ${path}: HTTP ${res.status} ${res.text.slice(0, 500)}`);
    return JSON.parse(res.text) as T;
  }

  close(): void {
    this.agent.destroy();
  }
}
