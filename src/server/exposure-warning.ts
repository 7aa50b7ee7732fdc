/**
 * What `gongwei serve` says about where it listens and how requests reach it: a warning
 * when personal health data would travel over plain HTTP beyond this machine, and the
 * reverse proxies whose X-Forwarded-* headers make request.ip and request.protocol the client's.
 */
import { isIP } from 'node:net';
import { GongweiError, type LocalizedText } from '../domain/gongwei-error.js';

/**
 * True for the loopback interface only: 127.0.0.0/8, ::1 (also IPv4-mapped) and localhost.
 * 0.0.0.0 and :: listen on every interface, so they are not loopback.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice('::ffff:'.length) : h;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/**
 * The warning to print when the server listens beyond the loopback interface without TLS
 * (null otherwise): its answers carry personal health data and its log-in takes passwords,
 * which plain HTTP shows to anyone on the network.
 *
 * @example
 * exposureWarning({ host: '0.0.0.0', tls: false })?.en // 'warning: … plain HTTP on 0.0.0.0 …'
 * exposureWarning({ host: '127.0.0.1', tls: false })   // null
 */
export function exposureWarning(listen: {
  readonly host: string;
  readonly tls: boolean;
}): LocalizedText | null {
  if (listen.tls || isLoopbackHost(listen.host)) return null;
  return {
    zh: `警告：正在 ${listen.host} 上以明文 HTTP 提供个人健康信息，网络上的任何人都能看到登录口令和档案内容。请只监听 127.0.0.1，由配置了 HTTPS 的反向代理对外提供服务（见 docs/deploy.md）。`,
    en: `warning: serving personal health data over plain HTTP on ${listen.host}: anyone on the network can read passwords and records. Listen on 127.0.0.1 behind a reverse proxy with HTTPS (see docs/deploy.md).`,
  };
}

/** Fastify's trustProxy as Gongwei sets it: the addresses of the proxies to believe. */
export type TrustProxy = readonly string[];

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Parses `--trust-proxy`: a comma-separated list of the reverse proxies' addresses, CIDR
 * ranges or proxy-addr's named ranges (loopback, linklocal, uniquelocal). Requests from
 * them have request.ip taken from X-Forwarded-For and request.protocol from
 * X-Forwarded-Proto — on which the session cookie's Secure flag and the access trail's
 * client address depend. A hop count or `true` is refused: neither can tell the proxy from
 * a client that reaches the server directly and sends its own X-Forwarded-* headers (and
 * Fastify ignores a hop count altogether).
 *
 * @example
 * parseTrustProxy('127.0.0.1')              // ['127.0.0.1']
 * parseTrustProxy('loopback, 10.0.0.0/8')   // ['loopback', '10.0.0.0/8']
 */
export function parseTrustProxy(value: string): TrustProxy {
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  if (entries.length > 0 && entries.every(isProxyAddress)) return entries;
  const hops = /^\s*(\d+|true)\s*$/.test(value);
  throw GongweiError.badRequest(
    hops
      ? {
          zh: `请写代理的地址而不是层数或 true（例如 127.0.0.1 或 loopback）：层数无法区分代理与直接连来、自带 X-Forwarded-* 的客户端：${value}`,
          en: `name the proxy's address, not a hop count or true (e.g. 127.0.0.1 or loopback): a count cannot tell the proxy from a client that connects directly with its own X-Forwarded-* headers: ${value}`,
        }
      : {
          zh: `应为以逗号分隔的代理地址（可带 /前缀长度，或 loopback、linklocal、uniquelocal）：${value}`,
          en: `a comma-separated list of proxy addresses, CIDR ranges, loopback, linklocal or uniquelocal is expected: ${value}`,
        },
    '--trust-proxy',
  );
}

function isProxyAddress(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
