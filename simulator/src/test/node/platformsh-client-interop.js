// Runs the vendor's own JavaScript client (platformsh-client, as bundled by @lando/platformsh) against the
// Platform.sh simulator: api_token grant, the user by id and as "me", and the user's API tokens.
// Usage: node platformsh-client-interop.js <node_modules dir> <auth base_url> <api_url>
// The API token comes from the environment (INTEROP_API_TOKEN), never from argv. Prints one JSON line
// without any token in it.
'use strict';
const path = require('path');

const [nodeModules, baseUrl, apiUrl] = process.argv.slice(2);

function load() {
  const candidates = [
    path.join(nodeModules, '@lando', 'platformsh', 'node_modules', 'platformsh-client'),
    path.join(nodeModules, 'platformsh-client'),
  ];
  for (const c of candidates) {
    try {
      return require(c);
    } catch (e) {
      if (e.code !== 'MODULE_NOT_FOUND') throw e;
    }
  }
  throw new Error('platformsh-client not found under ' + nodeModules);
}

async function main() {
  const lib = load();
  const Client = lib.default;
  const client = new Client({ api_token: process.env.INTEROP_API_TOKEN, base_url: baseUrl, api_url: apiUrl });
  const token = await client.getAccessToken();
  const claims = JSON.parse(Buffer.from(token.access_token.split('.')[1], 'base64url').toString('utf8'));
  const user = await client.getUser(claims.sub);
  const me = await client.getUser('me');
  const tokens = await lib.models.ApiToken.query({ userId: claims.sub });
  const pick = (u) => ({ id: u.id, email: u.email, username: u.username, first_name: u.first_name, last_name: u.last_name });
  process.stdout.write(JSON.stringify({
    token_type: token.token_type,
    expires_in: token.expires_in,
    jwt_exp_after_now: claims.exp > Date.now() / 1000,
    user: pick(user),
    me: pick(me),
    api_tokens: tokens.map((t) => ({ id: t.id, name: t.name, has_plaintext: Boolean(t.token) })),
  }) + '\n');
}

main().catch((e) => {
  // Message only: a stack or a request dump could carry the token.
  process.stderr.write('platformsh-client interop failed: ' + (e && e.message ? e.message : String(e)) + '\n');
  process.exit(1);
});
