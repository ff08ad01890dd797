// A small stand-in for a browser without JavaScript: keeps cookies, sends the Origin header a
// browser sends on form posts, and reports redirects instead of following them.
export class Browser {
  private cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  get cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  cookie(name: string) {
    return this.cookies.get(name);
  }

  clearCookies() {
    this.cookies.clear();
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const [name = "", ...value] = pair.split("=");
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim()));
      if (expired || value.join("=") === "") this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join("="));
    }
  }

  async get(path: string, headers: Record<string, string> = {}) {
    const response = await fetch(new URL(path, this.baseUrl), {
      redirect: "manual",
      headers: { ...this.headers, cookie: this.cookieHeader, ...headers },
    });
    this.remember(response);
    return response;
  }

  /** Posts a form as a browser does: urlencoded, with this site's Origin. */
  async post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
    const response = await fetch(new URL(path, this.baseUrl), {
      method: "POST",
      redirect: "manual",
      headers: {
        ...this.headers,
        origin: new URL(this.baseUrl).origin,
        "content-type": "application/x-www-form-urlencoded",
        cookie: this.cookieHeader,
        ...headers,
      },
      body: new URLSearchParams(fields).toString(),
    });
    this.remember(response);
    return response;
  }
}

/** The location a response redirects to, as a path. */
export function redirectPath(response: Response): string | null {
  const location = response.headers.get("location");
  if (!location) return null;
  const url = new URL(location, "http://x");
  return `${url.pathname}${url.search}`;
}
