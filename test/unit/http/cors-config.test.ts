import { loadConfig } from '../../../src/config';

const origins = (value: string) => loadConfig({ CORS_ORIGINS: value }).CORS_ORIGINS;
const refusal = (value: string) => {
  try {
    loadConfig({ CORS_ORIGINS: value });
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error(`CORS_ORIGINS=${value} was accepted`);
};

describe('CORS_ORIGINS setting', () => {
  it('defaults to no origin', () => {
    expect(loadConfig({}).CORS_ORIGINS).toEqual([]);
  });

  it('reads comma-separated exact origins, trimming blanks and duplicates', () => {
    expect(origins(' http://localhost:5173 ,https://council.example.org,, https://council.example.org ')).toEqual([
      'http://localhost:5173',
      'https://council.example.org',
    ]);
    expect(origins('http://[::1]:8080')).toEqual(['http://[::1]:8080']);
  });

  it("refuses '*', saying to list origins", () => {
    expect(refusal('*')).toMatch(/CORS_ORIGINS: '\*' \(any origin\) is not accepted/);
  });

  it('refuses what a browser never sends as Origin, naming the form that would match', () => {
    expect(refusal('https://council.example.org/')).toMatch(/did you mean 'https:\/\/council.example.org'/);
    expect(refusal('https://council.example.org/app')).toMatch(/no path/);
    expect(refusal('https://Council.Example.org')).toMatch(/did you mean 'https:\/\/council.example.org'/);
    expect(refusal('https://council.example.org:443')).toMatch(/did you mean 'https:\/\/council.example.org'/);
    expect(refusal('council.example.org')).toMatch(/not an origin: write scheme:\/\/host\[:port\]/);
    expect(refusal('ftp://council.example.org')).toMatch(/not an http:\/\/ or https:\/\/ origin/);
  });

  it('lists every bad entry at once', () => {
    const message = refusal('*, https://ok.example.org, https://bad.example.org/');
    expect(message.match(/CORS_ORIGINS:/g)).toHaveLength(2);
  });
});
