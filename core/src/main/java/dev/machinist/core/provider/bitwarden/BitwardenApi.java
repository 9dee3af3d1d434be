package dev.machinist.core.provider.bitwarden;

import com.fasterxml.jackson.databind.JsonNode;
import dev.machinist.core.ErrorKind;
import dev.machinist.core.MachinistException;
import dev.machinist.core.Secret;
import dev.machinist.core.http.HttpCall;
import dev.machinist.core.http.HttpErrors;
import dev.machinist.core.http.HttpResult;
import dev.machinist.core.http.HttpTransport;

/** Authenticated calls to the Secrets Manager API, with Bitwarden's answers turned into actionable errors. */
final class BitwardenApi {
    private final HttpTransport http;
    private final BitwardenServers servers;
    private final Secret accessToken;

    BitwardenApi(HttpTransport http, BitwardenServers servers, Secret accessToken) {
        this.http = http;
        this.servers = servers;
        this.accessToken = accessToken;
    }

    /**
     * @param notFound the message for a 404, naming what was asked for
     */
    JsonNode get(String path, String what, String notFound) {
        return send(HttpCall.get(servers.apiPath(path)), what, notFound);
    }

    /** A POST that only reads (get-by-ids), so it is marked safe to retry. */
    JsonNode postRead(String path, String json, String what, String notFound) {
        return send(HttpCall.post(servers.apiPath(path)).json(json).idempotent(true), what, notFound);
    }

    private JsonNode send(HttpCall.Builder call, String what, String notFound) {
        HttpResult result = http.send(call.bearer(accessToken.reveal())
                .header("Accept", "application/json")
                .header("Device-Type", AccessTokenLogin.DEVICE_TYPE_SDK) // as the SDK sends on every call
                .what(what)
                .build());
        if (result.isSuccess()) return result.json();
        String prefix = what + " failed: " + result.finalUri().getHost() + " answered HTTP " + result.status();
        switch (result.status()) {
            case 401 ->
                throw new MachinistException(
                        ErrorKind.BAD_TOKEN,
                        prefix + ". The login is no longer accepted: it expired or the access token was revoked."
                                + " Log in again; if that fails, create a new access token in the machine account's"
                                + " Access tokens tab.");
            case 403 ->
                throw new MachinistException(
                        ErrorKind.FORBIDDEN,
                        prefix + ". The machine account may not read this; give it access to the project in the"
                                + " project's Machine accounts tab.");
            case 404 -> throw new MachinistException(ErrorKind.NOT_FOUND, prefix + ". " + notFound);
            default -> throw HttpErrors.classify(result, null);
        }
    }
}
