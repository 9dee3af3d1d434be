package dev.machinist.simulator.platform;

import dev.machinist.simulator.Router;
import dev.machinist.simulator.SimRequest;
import dev.machinist.simulator.SimResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code GET /users/me} and {@code GET /users/{id}}, with the fields of the vendor's User model. */
final class UserRoutes {
    private final SimProfile profile;
    private final PlatformState state;
    private final BearerAuth auth;

    UserRoutes(SimProfile profile, PlatformState state, BearerAuth auth) {
        this.profile = profile;
        this.state = state;
        this.auth = auth;
    }

    void install(Router router, String prefix) {
        // "me" first: the router takes the first template that matches.
        router.add(profile.key() + ".me", "GET", prefix + "/users/me", r -> user(r, "me"));
        router.add(profile.key() + ".user", "GET", prefix + "/users/{id}", r -> user(r, r.param(0)));
    }

    private SimResponse user(SimRequest request, String id) {
        Optional<String> caller = auth.userId(request);
        if (caller.isEmpty()) return auth.unauthorized();
        String wanted = "me".equals(id) ? caller.get() : id;
        Optional<PlatformState.User> user = state.user(wanted);
        if (user.isEmpty()) return BearerAuth.notFound("User");
        if (!wanted.equals(caller.get())) return BearerAuth.forbidden();
        return SimResponse.json(200, toJson(user.get()));
    }

    static Map<String, Object> toJson(PlatformState.User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.id());
        m.put("email", u.email());
        m.put("username", u.username());
        m.put("first_name", u.firstName());
        m.put("last_name", u.lastName());
        m.put("picture", "");
        m.put("country", "FR");
        m.put("company", "");
        m.put("website", "");
        m.put("deactivated", false);
        m.put("email_verified", true);
        m.put("phone_number_verified", false);
        m.put("mfa_enabled", false);
        m.put("sso_enabled", false);
        m.put("created_at", u.createdAt().toString());
        m.put("updated_at", u.createdAt().toString());
        return m;
    }
}
