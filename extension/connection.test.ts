import { describe, expect, it } from 'vitest';
import { joinTeam, normalizeServerUrl } from './connection';

function answer(status: number, body: unknown): typeof fetch {
  return async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const joined = {
  team: { id: '0b5c3a1e-2f4d-4e6a-9b8c-7d6e5f4a3b2c', name: 'Acme Support' },
  member: { id: '1c6d4b2f-3a5e-4f7b-8c9d-8e7f6a5b4c3d', name: 'Amani', role: 'member' },
  token: 'secret-token',
};

describe('normalizeServerUrl', () => {
  it('keeps http(s) URLs without a trailing slash', () => {
    expect(normalizeServerUrl(' http://127.0.0.1:8787/ ')).toBe('http://127.0.0.1:8787');
    expect(normalizeServerUrl('https://chorus.example.org/api/')).toBe('https://chorus.example.org/api');
  });

  it('rejects other schemes and non-URLs', () => {
    expect(normalizeServerUrl('ftp://example.org')).toBeUndefined();
    expect(normalizeServerUrl('javascript:alert(1)')).toBeUndefined();
    expect(normalizeServerUrl('127.0.0.1:8787')).toBeUndefined();
    expect(normalizeServerUrl('')).toBeUndefined();
  });
});

describe('joinTeam', () => {
  it('posts the code and name and returns the connection', async () => {
    let request: Request | undefined;
    const fetchImpl: typeof fetch = async (input, init) => {
      request = new Request(input, init);
      return answer(201, joined)(input, init);
    };
    const result = await joinTeam('http://127.0.0.1:8787', 'INV-1', 'Amani', fetchImpl);
    expect(request?.url).toBe('http://127.0.0.1:8787/v1/join');
    expect(request?.method).toBe('POST');
    expect(await request?.json()).toEqual({ code: 'INV-1', name: 'Amani' });
    expect(result).toEqual({ ok: true, connection: { serverUrl: 'http://127.0.0.1:8787', ...joined } });
  });

  it("passes on the API's error message", async () => {
    const body = { error: { code: 'not_found', message: 'This invite code is not valid.' } };
    const result = await joinTeam('http://s', 'nope', 'Amani', answer(404, body));
    expect(result).toEqual({ ok: false, failure: { kind: 'api', ...body.error } });
  });

  it('tells an unreachable server from an unexpected answer', async () => {
    const refused: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await joinTeam('http://s', 'c', 'n', refused)).toEqual({ ok: false, failure: { kind: 'unreachable' } });
    expect(await joinTeam('http://s', 'c', 'n', answer(502, 'Bad gateway'))).toEqual({
      ok: false,
      failure: { kind: 'unexpected', status: 502 },
    });
    expect(await joinTeam('http://s', 'c', 'n', answer(201, { token: 1 }))).toEqual({
      ok: false,
      failure: { kind: 'unexpected', status: 201 },
    });
  });
});
