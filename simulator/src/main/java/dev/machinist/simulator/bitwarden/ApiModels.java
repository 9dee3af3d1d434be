package dev.machinist.simulator.bitwarden;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API's JSON models as bitwarden-api-api names them: SecretResponseModel, SecretWithProjectsListResponseModel,
 * ProjectResponseModel and the generic list model. Encrypted fields are sent exactly as stored.
 */
final class ApiModels {
    private final BitwardenSimulator sim;

    ApiModels(BitwardenSimulator sim) {
        this.sim = sim;
    }

    Map<String, Object> secret(SimOrganization.Secret s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("object", "secret");
        m.put("id", s.id());
        m.put("organizationId", sim.organizationId());
        m.put("key", s.encryptedKey());
        m.put("value", s.encryptedValue());
        m.put("note", s.encryptedNote());
        m.put("creationDate", s.created().toString());
        m.put("revisionDate", s.revised().toString());
        m.put("projects", projectRefs(s.projectIds()));
        m.put("read", true);
        m.put("write", false);
        return m;
    }

    Map<String, Object> secretsWithProjects(List<SimOrganization.Secret> secrets) {
        List<Object> items = new ArrayList<>();
        for (SimOrganization.Secret s : secrets) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("organizationId", sim.organizationId());
            m.put("key", s.encryptedKey());
            m.put("creationDate", s.created().toString());
            m.put("revisionDate", s.revised().toString());
            m.put("projects", projectRefs(s.projectIds()));
            m.put("read", true);
            m.put("write", false);
            items.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object", "SecretWithProjectsListResponseModel");
        body.put("secrets", items);
        body.put(
                "projects",
                projectRefs(sim.org().projects().stream()
                        .map(SimOrganization.Project::id)
                        .toList()));
        return body;
    }

    private List<Object> projectRefs(List<String> ids) {
        List<Object> refs = new ArrayList<>();
        for (String id : ids) {
            sim.org().project(id).ifPresent(p -> refs.add(Map.of("id", p.id(), "name", p.encryptedName())));
        }
        return refs;
    }

    Map<String, Object> project(SimOrganization.Project p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("object", "project");
        m.put("id", p.id());
        m.put("organizationId", sim.organizationId());
        m.put("name", p.encryptedName());
        m.put("creationDate", p.created().toString());
        m.put("revisionDate", p.revised().toString());
        m.put("read", true);
        m.put("write", false);
        return m;
    }

    static Map<String, Object> list(List<Object> data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("object", "list");
        m.put("data", data);
        m.put("continuationToken", null);
        return m;
    }
}
