// The GraphQL API as a signed-in official uses it, from Node: to prepare what the browser scenarios need
// and to give a browser context the same session.

/** Signs in; returns a client that sends the session cookie and the CSRF header, and the cookies themselves. */
export async function signInApi(baseUrl, email, password) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($input: SignInInput!) { signIn(input: $input) { __typename ... on SignInSuccess { csrfToken } } }',
      variables: { input: { email, password } },
    }),
  });
  const { data } = await response.json();
  if (data?.signIn?.__typename !== 'SignInSuccess') throw new Error(`sign-in of ${email} refused`);
  const cookies = response.headers.getSetCookie().map((line) => {
    const [pair] = line.split(';');
    const index = pair.indexOf('=');
    return { name: pair.slice(0, index), value: pair.slice(index + 1) };
  });
  const cookieHeader = cookies.map(({ name, value }) => `${name}=${value}`).join('; ');
  const csrf = data.signIn.csrfToken;
  return {
    cookies,
    async query(query, variables = {}) {
      const reply = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookieHeader, 'x-csrf-token': csrf },
        body: JSON.stringify({ query, variables }),
      });
      const body = await reply.json();
      if (body.errors) throw new Error(body.errors.map((error) => error.message).join('; '));
      return body.data;
    },
  };
}

/** The numeric id inside a global id (`Authority:61` → `61`), as the command line takes it. */
export function numericId(globalId) {
  return Buffer.from(globalId, 'base64').toString('utf8').split(':')[1];
}

/** A browser context signed in with the session of an API client (same cookies). */
export async function shareSession(context, baseUrl, client) {
  await context.addCookies(client.cookies.map(({ name, value }) => ({ name, value, url: baseUrl })));
}
