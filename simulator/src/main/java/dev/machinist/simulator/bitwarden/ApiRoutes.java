package dev.machinist.simulator.bitwarden;

import com.fasterxml.jackson.databind.JsonNode;
import dev.machinist.simulator.Router;
import dev.machinist.simulator.SimRequest;
import dev.machinist.simulator.SimResponse;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Secrets Manager API under {@code {base}/bitwarden/api}, with the bws/SDK response models. Every call
 * needs a bearer JWT this simulator issued that has not expired, else 401 with an empty body as the real API
 * answers. Unknown ids are 404, and get-by-ids is 404 unless every id exists, as on the real server.
 */
final class ApiRoutes {
    private final BitwardenSimulator sim;
    private final ApiModels models;

    ApiRoutes(BitwardenSimulator sim) {
        this.sim = sim;
        this.models = new ApiModels(sim);
    }

    void install(Router router, String prefix) {
        String api = prefix + "/api";
        router.add("bitwarden.secrets.getByIds", "POST", api + "/secrets/get-by-ids", authed(this::getByIds));
        router.add("bitwarden.secrets.get", "GET", api + "/secrets/{id}", authed(this::getSecret));
        router.add("bitwarden.secrets.list", "GET", api + "/organizations/{org}/secrets", authed(this::listOrg));
        router.add("bitwarden.secrets.sync", "GET", api + "/organizations/{org}/secrets/sync", authed(this::sync));
        router.add("bitwarden.projects.secrets", "GET", api + "/projects/{id}/secrets", authed(this::listProject));
        router.add("bitwarden.projects.list", "GET", api + "/organizations/{org}/projects", authed(this::projects));
        router.add("bitwarden.projects.get", "GET", api + "/projects/{id}", authed(this::project));
    }

    private Router.Handler authed(Router.Handler handler) {
        return request -> {
            Optional<JsonNode> claims = request.bearer()
                    .flatMap(t -> sim.jwt().verify(t, Instant.now().getEpochSecond()));
            if (claims.isEmpty()) return SimResponse.empty(401).withHeader("WWW-Authenticate", "Bearer");
            return handler.handle(request);
        };
    }

    private SimResponse getSecret(SimRequest request) {
        return sim.org()
                .secret(request.param(0))
                .map(s -> SimResponse.json(200, models.secret(s)))
                .orElseGet(ApiRoutes::notFound);
    }

    private SimResponse getByIds(SimRequest request) {
        JsonNode body = request.json();
        if (body == null || !body.path("ids").isArray())
            return SimResponse.json(400, Map.of("message", "ids required"));
        // As bitwarden/server's SecretsController: the distinct secrets found must number the ids sent, so
        // an unknown id, or the same id twice, makes the whole call 404.
        Map<String, Object> found = new LinkedHashMap<>();
        for (JsonNode id : body.get("ids")) {
            sim.org().secret(id.asText()).ifPresent(secret -> found.put(secret.id(), models.secret(secret)));
        }
        if (found.isEmpty() || found.size() != body.get("ids").size()) return notFound();
        return SimResponse.json(200, ApiModels.list(new ArrayList<>(found.values())));
    }

    private SimResponse listOrg(SimRequest request) {
        if (!sim.organizationId().equals(request.param(0))) return notFound();
        return SimResponse.json(200, models.secretsWithProjects(sim.org().secrets()));
    }

    private SimResponse listProject(SimRequest request) {
        String projectId = request.param(0);
        if (sim.org().project(projectId).isEmpty()) return notFound();
        return SimResponse.json(
                200,
                models.secretsWithProjects(sim.org().secrets().stream()
                        .filter(s -> s.projectIds().contains(projectId))
                        .toList()));
    }

    private SimResponse sync(SimRequest request) {
        if (!sim.organizationId().equals(request.param(0))) return notFound();
        Instant since;
        try {
            String last = request.query().get("lastSyncedDate");
            since = last == null || last.isEmpty() ? Instant.EPOCH : Instant.parse(last);
        } catch (DateTimeParseException e) {
            return SimResponse.json(400, Map.of("message", "lastSyncedDate is not a date"));
        }
        List<SimOrganization.Secret> all = sim.org().secrets();
        boolean changed = all.stream().anyMatch(s -> s.revised().isAfter(since));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object", "SecretsSyncResponseModel");
        body.put("hasChanges", changed);
        body.put(
                "secrets",
                changed
                        ? ApiModels.list(all.stream()
                                .map(models::secret)
                                .map(Object.class::cast)
                                .toList())
                        : null);
        return SimResponse.json(200, body);
    }

    private SimResponse projects(SimRequest request) {
        if (!sim.organizationId().equals(request.param(0))) return notFound();
        return SimResponse.json(
                200,
                ApiModels.list(sim.org().projects().stream()
                        .map(models::project)
                        .map(Object.class::cast)
                        .toList()));
    }

    private SimResponse project(SimRequest request) {
        return sim.org()
                .project(request.param(0))
                .map(p -> SimResponse.json(200, models.project(p)))
                .orElseGet(ApiRoutes::notFound);
    }

    private static SimResponse notFound() {
        return SimResponse.json(404, Map.of("message", "Resource not found.", "object", "error"));
    }
}
