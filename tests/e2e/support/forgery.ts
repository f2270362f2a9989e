// What a forged request looks like from the server's side: the headers a browser would set on a mutation sent
// by another site's page. The CSRF end-to-end tests send each of these to every mutation.
import { APP_ORIGIN, E2E_PORT } from './app-origin';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';

export const FORGERIES: Record<string, Record<string, string>> = {
  'a foreign Origin': { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'user-agent': CHROME },
  'another port on the same host (same-site)': { origin: `http://localhost:${E2E_PORT + 1}`, 'sec-fetch-site': 'same-site', 'user-agent': CHROME },
  'a null Origin': { origin: 'null', 'sec-fetch-site': 'cross-site', 'user-agent': CHROME },
  'no Origin from a browser (Sec-Fetch-Site present)': { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors', 'user-agent': CHROME },
  'Sec-Fetch-Site: cross-site': { origin: APP_ORIGIN, 'sec-fetch-site': 'cross-site', 'user-agent': CHROME },
};
