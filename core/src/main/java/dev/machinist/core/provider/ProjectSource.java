package dev.machinist.core.provider;

import java.util.List;

/** A session that can list the vendor's projects (Bitwarden Secrets Manager projects). */
public interface ProjectSource {
    List<Project> listProjects();

    Project getProject(String id);

    record Project(String id, String name, String organizationId) {}
}
