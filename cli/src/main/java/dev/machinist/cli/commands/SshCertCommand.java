package dev.machinist.cli.commands;

import dev.machinist.cli.CliContext;
import dev.machinist.cli.Login;
import dev.machinist.cli.Output;
import dev.machinist.cli.VendorOptions;
import dev.machinist.core.provider.SshCertificateIssuer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Like `platform ssh-cert:load`: a fresh key and certificate so git, ssh, rsync and scp work in the job. */
@Command(
        name = "ssh-cert",
        mixinStandardHelpOptions = true,
        description = {
            "Generate an ed25519 key, have the vendor certify it, write both 0600 and print the settings",
            "(export GIT_SSH_COMMAND=...) that make git, ssh, rsync and scp use them. Platform.sh family only.",
            "Use: eval \"$(machinist ssh-cert --vendor upsun)\""
        })
public class SshCertCommand implements Callable<Integer> {
    @Mixin
    VendorOptions vendor;

    @Mixin
    Output output;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Where to write the key (default ~/.machinist/ssh/VENDOR).")
    Path dir;

    private final CliContext context;

    SshCertCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var session = new Login(context, vendor).login();
        SshCertificateIssuer issuer = Capabilities.require(session, SshCertificateIssuer.class, "SSH certificates");
        Path target = dir != null
                ? dir
                : Path.of(
                        System.getProperty("user.home"),
                        ".machinist",
                        "ssh",
                        session.provider().id());
        SshCertificateIssuer.SshCertificate cert = issuer.issueCertificate(target);
        if (output.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("privateKey", cert.privateKey().toString());
            m.put("certificate", cert.certificate().toString());
            m.put("GIT_SSH_COMMAND", cert.gitSshCommand());
            m.put("sshConfig", cert.sshConfigSnippet());
            Output.printJson(context.out(), m);
        } else {
            context.out().println("export GIT_SSH_COMMAND=" + shellQuote(cert.gitSshCommand()));
            context.out().println("export RSYNC_RSH=" + shellQuote(cert.gitSshCommand()));
            context.err()
                    .println("Wrote " + cert.privateKey() + " and " + cert.certificate()
                            + " (0600). For ssh/scp add to ~/.ssh/config:\n" + cert.sshConfigSnippet());
        }
        return 0;
    }

    static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
