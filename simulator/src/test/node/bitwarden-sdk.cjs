// Drives Bitwarden's official Secrets Manager SDK (@bitwarden/sdk-napi) against the Machinist simulator and
// checks what it decrypts. Run by BitwardenSdkInteropTest with NODE_PATH pointing at interop/node_modules.
//
// Input (environment, never argv, because the access token is a secret):
//   BWS_ACCESS_TOKEN, BW_API_URL, BW_IDENTITY_URL, BW_ORGANIZATION_ID
//   BW_EXPECT_LOGIN_FAILURE=1 to check that the token is refused instead
//   BW_EXPECTED = {"secrets":{"<id>":{"key":..,"value":..,"note":..,"projectId":..}},"projects":{"<id>":"<name>"}}
// Output: one line per check ("ok <name>" / "FAIL <name>: <why>"); values are never printed.
"use strict";
const { BitwardenClient } = require("@bitwarden/sdk-napi");

// LogLevel is a const enum: 4 = Error. Never go below Info (2): Debug and Trace log the client secret.
const LOG_LEVEL_ERROR = 4;

const env = process.env;
const expected = JSON.parse(env.BW_EXPECTED);
const secretIds = Object.keys(expected.secrets);
let failures = 0;

function check(name, condition, why) {
  if (condition) {
    console.log("ok " + name);
  } else {
    failures++;
    console.log("FAIL " + name + ": " + why);
  }
}

function sameSecret(actual, id) {
  const want = expected.secrets[id];
  return (
    actual.id === id &&
    actual.organizationId === env.BW_ORGANIZATION_ID &&
    actual.key === want.key &&
    actual.value === want.value &&
    actual.note === want.note &&
    (actual.projectId || null) === (want.projectId || null)
  );
}

async function main() {
  const client = new BitwardenClient(
    { apiUrl: env.BW_API_URL, identityUrl: env.BW_IDENTITY_URL, userAgent: "machinist-interop", deviceType: "SDK" },
    LOG_LEVEL_ERROR,
  );
  if (env.BW_EXPECT_LOGIN_FAILURE === "1") {
    // A revoked token: the SDK must see the identity server's invalid_client and refuse to log in.
    try {
      await client.auth().loginAccessToken(env.BWS_ACCESS_TOKEN);
      check("login rejected", false, "the SDK logged in with a revoked token");
    } catch (err) {
      const message = String(err && err.message);
      check("login rejected", message.includes("invalid_client"), "unexpected error shape");
    }
    return;
  }
  await client.auth().loginAccessToken(env.BWS_ACCESS_TOKEN);
  console.log("ok login");

  const one = await client.secrets().get(secretIds[0]);
  check("get", sameSecret(one, secretIds[0]), "secret " + secretIds[0] + " decrypted differently");

  const many = await client.secrets().getByIds(secretIds);
  check("getByIds.count", many.data.length === secretIds.length, "got " + many.data.length + " secrets");
  for (const s of many.data) {
    check("getByIds " + s.id, expected.secrets[s.id] && sameSecret(s, s.id), "decrypted differently");
  }

  const list = await client.secrets().list(env.BW_ORGANIZATION_ID);
  const listed = new Map(list.data.map((s) => [s.id, s.key]));
  check("list.count", list.data.length === secretIds.length, "listed " + list.data.length + " secrets");
  for (const id of secretIds) {
    check("list " + id, listed.get(id) === expected.secrets[id].key, "key missing or different");
  }

  const projects = await client.projects().list(env.BW_ORGANIZATION_ID);
  const wantProjects = expected.projects;
  check("projects.count", projects.data.length === Object.keys(wantProjects).length, "listed " + projects.data.length);
  for (const p of projects.data) {
    check("project " + p.id, wantProjects[p.id] === p.name && p.organizationId === env.BW_ORGANIZATION_ID, "name differs");
  }

  const sync = await client.secrets().sync(env.BW_ORGANIZATION_ID, undefined);
  check("sync", sync.hasChanges === true && sync.secrets.length === secretIds.length, "sync returned no changes");
}

main().then(
  () => process.exit(failures === 0 ? 0 : 1),
  (err) => {
    // SDK errors name the failing step (e.g. "Received error message from server: ..."), not the token.
    console.log("FAIL exception: " + (err && err.message ? err.message : String(err)));
    process.exit(2);
  },
);
