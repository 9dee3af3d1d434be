package dev.machinist.cli.commands;

import dev.machinist.cli.CliContext;
import dev.machinist.cli.Login;
import dev.machinist.cli.Output;
import dev.machinist.cli.VendorOptions;
import dev.machinist.core.provider.ProjectSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** `projects list|get`: the seed's `bws project get`. */
@Command(
        name = "projects",
        mixinStandardHelpOptions = true,
        description = "List projects or show one.",
        subcommands = {ProjectsCommand.ListProjects.class, ProjectsCommand.GetProject.class})
public class ProjectsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the projects the token can see.")
    static class ListProjects implements Callable<Integer> {
        @Mixin
        VendorOptions vendor;

        @Mixin
        Output output;

        private final CliContext context;

        ListProjects(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            ProjectSource source =
                    Capabilities.require(new Login(context, vendor).login(), ProjectSource.class, "projects");
            List<ProjectSource.Project> projects = source.listProjects();
            if (output.json()) {
                Output.printJson(context.out(), projects);
            } else {
                for (ProjectSource.Project p : projects) context.out().println(p.id() + "  " + p.name());
            }
            return 0;
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show one project.")
    static class GetProject implements Callable<Integer> {
        @Mixin
        VendorOptions vendor;

        @Mixin
        Output output;

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        private final CliContext context;

        GetProject(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            ProjectSource source =
                    Capabilities.require(new Login(context, vendor).login(), ProjectSource.class, "projects");
            ProjectSource.Project p = source.getProject(id);
            if (output.json()) {
                Output.printJson(context.out(), p);
            } else {
                context.out().println(p.id() + "  " + p.name() + "  (organization " + p.organizationId() + ")");
            }
            return 0;
        }
    }
}
