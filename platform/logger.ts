// The service's one logger. A token never reaches it in any encoding: the request log shows URLs
// through loggableUrl, and every logged error, message and string is scrubbed of anything shaped
// like an API or calendar token (api/api-keys.ts makes them), raw or percent-encoded.
import { pino, stdSerializers, type LoggerOptions } from 'pino';

export const REDACTED = '[redacted]';

// `kv_` or `kvcal_` and 43 base64url characters; a long base64url run alone counts as well, so a
// token that lost its prefix is scrubbed too.
const TOKEN_SOURCE = 'kv(?:cal)?_[A-Za-z0-9_-]+|[A-Za-z0-9_-]{40,}';
const hasTokenShape = (text: string) => new RegExp(TOKEN_SOURCE, 'i').test(text);
const withoutTokens = (text: string) => text.replace(new RegExp(TOKEN_SOURCE, 'gi'), REDACTED);

/** `text` with %XX decoded until nothing is left to decode (double encoding too), byte by byte. */
function percentDecoded(text: string): string {
  let current = text;
  for (let round = 0; round < 5 && /%[0-9a-f]{2}/i.test(current); round += 1) {
    current = current.replace(/%([0-9a-f]{2})/gi, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  }
  return current;
}

const holdsToken = (text: string) => hasTokenShape(text) || hasTokenShape(percentDecoded(text));

/** `text` without tokens: scrubbed as it is, and shown decoded and scrubbed when it hid one encoded. */
export function scrubTokens(text: string): string {
  const scrubbed = withoutTokens(text);
  const decoded = percentDecoded(scrubbed);
  return hasTokenShape(decoded) ? withoutTokens(decoded) : scrubbed;
}

/**
 * A request URL fit for the log: every path segment under `calendar` (the feed's token) and every
 * segment that holds a token replaced, and the query string's names only, each value replaced.
 */
export function loggableUrl(url: string): string {
  const queryAt = url.indexOf('?');
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  let underCalendar = false;
  const segments = path.split('/').map((segment) => {
    if (underCalendar && segment !== '') return REDACTED;
    if (percentDecoded(segment).toLowerCase() === 'calendar') underCalendar = true;
    return holdsToken(segment) ? REDACTED : segment;
  });
  if (queryAt < 0) return segments.join('/');
  const query = url
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => {
      const name = pair.split('=', 1)[0]!;
      const shownName = holdsToken(name) ? REDACTED : name;
      return pair.includes('=') ? `${shownName}=${REDACTED}` : shownName;
    });
  return `${segments.join('/')}?${query.join('&')}`;
}

const plain = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && (Object.getPrototypeOf(value) === Object.prototype || Array.isArray(value));

/** Strings scrubbed in plain objects and arrays; anything else (an Error, a request) is left to its serializer. */
function scrubbed(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubTokens(value);
  if (!plain(value) || depth > 4) return value;
  if (Array.isArray(value)) return value.map((item) => scrubbed(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubbed(item, depth + 1)]));
}

/** pino's error serializer, scrubbed: a message or stack may quote a URL or a header. */
export const scrubbedError = (error: Error) => scrubbed({ ...stdSerializers.err(error) });

export const loggerOptions: LoggerOptions = {
  level: process.env.LOG_LEVEL || 'info',
  redact: { paths: ['req.headers.authorization', 'headers.authorization'], censor: REDACTED },
  serializers: { err: scrubbedError },
  formatters: { log: (object) => scrubbed(object) as Record<string, unknown> },
  hooks: {
    logMethod(args, method) {
      method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrubTokens(arg) : arg)) as Parameters<typeof method>);
    },
  },
};

export const logger = pino(loggerOptions);
