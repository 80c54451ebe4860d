import { endpoints, type Endpoint, type EndpointId } from '@bianmin/sdk';

export interface Route {
  id: EndpointId;
  endpoint: Endpoint;
  regex: RegExp;
  names: string[];
}

export type Match = { route: Route; params: Record<string, string> } | { allowed: string[] } | undefined;

const escape = (s: string): string => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

/** Routes of the endpoint table; literal paths win over templates (`/loans/handover` before `/loans/{loanId}`). */
export function createRouter() {
  const routes: Route[] = (Object.keys(endpoints) as EndpointId[]).map((id) => {
    const endpoint: Endpoint = endpoints[id];
    const names: string[] = [];
    const source = endpoint.path
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const m = /^\{([^}]+)\}$/.exec(part);
        if (!m?.[1]) return escape(part);
        names.push(m[1]);
        return '([^/]+)';
      })
      .join('');
    return { id, endpoint, regex: new RegExp(`^${source}/?$`), names };
  });
  routes.sort((a, b) => a.names.length - b.names.length);

  return {
    routes,
    /** The route for a method and a path relative to the base URL; `{ allowed }` when only the method is wrong. */
    match(method: string, path: string): Match {
      const allowed: string[] = [];
      for (const route of routes) {
        const m = route.regex.exec(path);
        if (!m) continue;
        if (route.endpoint.method !== method.toUpperCase()) {
          allowed.push(route.endpoint.method);
          continue;
        }
        const params: Record<string, string> = {};
        route.names.forEach((name, i) => {
          const raw = m[i + 1] ?? '';
          try {
            params[name] = decodeURIComponent(raw);
          } catch {
            params[name] = raw;
          }
        });
        return { route, params };
      }
      return allowed.length ? { allowed } : undefined;
    },
  };
}
