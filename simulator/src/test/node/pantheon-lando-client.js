'use strict';
// Logs in to the Pantheon simulator with Lando's independent Pantheon client (@lando/pantheon,
// lib/client.js) and reports, as one JSON line on stdout, what that client understood. Never prints the
// session or the machine token.
//
// Environment: PANTHEON_API (e.g. http://127.0.0.1:PORT/api/), PANTHEON_TOKEN.
const PantheonApiClient = require('@lando/pantheon/lib/client.js');

// Lando's logger is winston-based; a silent stand-in keeps request details (and the token Lando's debug
// lines would show) out of the output.
const quiet = {verbose() {}, debug() {}, silly() {}, info() {}, warn() {}, error() {}};

async function main() {
  const client = new PantheonApiClient(process.env.PANTHEON_TOKEN, quiet);
  client.baseURL = process.env.PANTHEON_API;
  try {
    const session = await client.auth();
    const user = await client.getUser();
    console.log(JSON.stringify({
      ok: true,
      userId: session.user_id,
      expiresAt: session.expires_at,
      sessionShape: /^[^:]+:[^:]+:[^:]+$/.test(session.session),
      email: user.email,
      fullName: user.profile && user.profile.full_name,
    }));
  } catch (err) {
    console.log(JSON.stringify({ok: false, message: String(err && err.message)}));
  }
}

main();
